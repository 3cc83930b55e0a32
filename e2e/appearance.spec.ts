import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import sharp from "sharp";
import { runSql } from "../tests/support/sql";
import { signedInPage, trackedAccounts } from "./support/accounts";
import { holdBlogSettings } from "./support/blog-settings-lock";
import { htmlProblems } from "./support/html-validity";

// The blog's appearance is blog-wide and changes every reader page: an admin changes it in the
// dashboard while this spec holds the settings lock, in a project of its own after every other
// spec (playwright.config.ts), and puts it back after.
test.describe.configure({ mode: "serial" });

const SLOW = { timeout: 20_000 };
const ENTRY = "/2011/09/tool-6-i-have-joined-a-professional-networking-site";
/** One of each kind of reader page, the guest's comment page among them. */
const READER_PAGES = ["/", ENTRY, "/2011/09", "/label/tools", "/search?q=library", "/profile/maggie-ellery", "/p/about", `/comment?on=${ENTRY}`];
// The 404 page, for a path no route serves, and for a route's notFound().
const NOT_FOUND = ["/no-such-page-here", "/label/no-such-label-here"];
const accounts = trackedAccounts({ role: "ADMIN", name: "Ada Appearance" });
let admin: Page;
let releaseBlogSettings: (() => Promise<void>) | undefined;

interface Choices {
  theme?: "Simple" | "Postcard" | "Typeset";
  accentLight?: string;
  accentDark?: string;
  bodyFont?: string;
  /** An image's name in the form's lists, or "None". */
  headerImage?: string;
  favicon?: string;
}

/** Fills the Appearance form as an admin does (nothing saved yet). */
async function choose({ theme, accentLight, accentDark, bodyFont, headerImage, favicon }: Choices) {
  if (admin.url().endsWith("/dashboard/appearance") === false) await admin.goto("/dashboard/appearance");
  if (theme) await admin.getByRole("radio", { name: new RegExp(`^${theme}`) }).check();
  if (accentLight) await admin.getByLabel("Accent colour on the light page").fill(accentLight);
  if (accentDark) await admin.getByLabel("Accent colour on the dark page").fill(accentDark);
  if (bodyFont) await admin.getByLabel("Text font").selectOption({ label: bodyFont });
  if (headerImage) await admin.getByLabel("Header image", { exact: true }).selectOption({ label: headerImage });
  if (favicon) await admin.getByLabel("Favicon", { exact: true }).selectOption({ label: favicon });
}

/** Chooses and saves: every reader page shows it from then on. */
async function saveAppearance(choices: Choices) {
  await choose(choices);
  await admin.getByRole("button", { name: "Save appearance" }).click();
  await expect(admin.getByRole("status")).toHaveText("Appearance saved. Reader pages show it now.", SLOW);
}

async function readerPage(browser: Browser, options: BrowserContextOptions = {}) {
  return (await browser.newContext(options)).newPage();
}

test.beforeAll(async ({ browser }) => {
  releaseBlogSettings = await holdBlogSettings();
  admin = await signedInPage(browser, await accounts.make());
});

test.afterAll(async () => {
  try {
    if (admin) await saveAppearance({ theme: "Simple", accentLight: "#8a3b12", accentDark: "#f0a878", bodyFont: "System serif (Georgia)", headerImage: "None", favicon: "None" });
  } finally {
    // The dashboard puts it back (expiring the cached pages); with no row the defaults stand, the same.
    await runSql(process.env.DATABASE_URL!, `DELETE FROM "Appearance"`);
    await accounts.removeAll();
    await releaseBlogSettings?.();
  }
});

test("an admin previews a theme and accent before saving, a failing accent is refused, and a save shows on every reader page at once", async ({ browser }) => {
  const reader = await readerPage(browser);
  await reader.goto(ENTRY);
  await expect(reader.locator(".theme")).toHaveAttribute("data-theme", "simple");

  await choose({ theme: "Postcard", accentLight: "#1d4e89" });
  const preview = admin.frameLocator('iframe[title="The home page with these choices"]');
  await expect(preview.locator(".theme")).toHaveAttribute("data-theme", "postcard", SLOW);
  await expect(preview.getByRole("note")).toHaveText("Preview: readers see this once you save it.");
  await expect(preview.locator(".blog-title a")).toBeVisible();
  await expect(preview.locator(".blog-nav a").first()).toHaveCSS("color", "rgb(29, 78, 137)");
  // Not saved: readers still see Simple.
  await reader.reload();
  await expect(reader.locator(".theme")).toHaveAttribute("data-theme", "simple");

  await choose({ accentLight: "#ffcc00" });
  await expect(preview.getByRole("note")).toContainText("not shown, as saving would refuse it", SLOW);
  await admin.getByRole("button", { name: "Save appearance" }).click();
  await expect(admin.locator("#appearance-accentLight-error")).toHaveText(
    /^The light accent #ffcc00 has a contrast of 1\.\d\d:1 against the Postcard theme's light page; WCAG AA needs 4\.5:1/,
    SLOW,
  );
  await expect(admin.getByLabel("Accent colour on the light page")).toHaveAttribute("aria-invalid", "true");
  await reader.reload();
  await expect(reader.locator(".theme")).toHaveAttribute("data-theme", "simple");

  await saveAppearance({ accentLight: "#1d4e89" });
  for (const path of [ENTRY, "/", "/label/tools", `/comment?on=${ENTRY}`, ...NOT_FOUND]) {
    await reader.goto(path);
    await expect(reader.locator(".theme"), path).toHaveAttribute("data-theme", "postcard");
    expect(await reader.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent")), path).toBe("light-dark(#1d4e89,#f0a878)");
  }
  await reader.context().close();
});

test("dark follows the reader's device, and the header's toggle overrides it without JavaScript", async ({ browser }) => {
  const POSTCARD_LIGHT_PAPER = "rgb(236, 239, 243)";
  const POSTCARD_DARK_PAPER = "rgb(16, 19, 23)";
  const inTheDark = await readerPage(browser, { colorScheme: "dark" });
  await inTheDark.goto("/");
  await expect(inTheDark.locator("body")).toHaveCSS("background-color", POSTCARD_DARK_PAPER);
  await expect(inTheDark.locator(".blog-nav a").first()).toHaveCSS("color", "rgb(240, 168, 120)");
  await inTheDark.context().close();

  const reader = await readerPage(browser, { colorScheme: "light", javaScriptEnabled: false });
  await reader.goto(ENTRY);
  await expect(reader.locator("body")).toHaveCSS("background-color", POSTCARD_LIGHT_PAPER);
  const toggle = reader.getByRole("group", { name: "Colours" });
  await toggle.getByRole("button", { name: "Dark" }).click();
  await expect(reader).toHaveURL(ENTRY);
  await expect(reader.locator("body")).toHaveCSS("background-color", POSTCARD_DARK_PAPER);
  // Every page after, until the reader says otherwise.
  await reader.goto("/label/tools");
  await expect(reader.locator("body")).toHaveCSS("background-color", POSTCARD_DARK_PAPER);
  await reader.getByRole("group", { name: "Colours" }).getByRole("button", { name: "Automatic" }).click();
  await expect(reader).toHaveURL("/label/tools");
  await expect(reader.locator("body")).toHaveCSS("background-color", POSTCARD_LIGHT_PAPER);
  await reader.context().close();
});

test("a header image and favicon chosen from the blog's images show on reader pages, and go when the image is deleted", async ({ browser }) => {
  await admin.goto("/dashboard/images");
  const banner = await sharp({ create: { width: 1600, height: 400, channels: 3, background: "#2a5aa0" } }).png().toBuffer();
  await admin.getByLabel("Upload an image").setInputFiles({ name: "harbour-banner.png", mimeType: "image/png", buffer: banner });
  await admin.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(admin.getByText("Uploaded harbour-banner.png.")).toBeVisible(SLOW);
  await saveAppearance({ headerImage: "Harbour banner (1600×400)", favicon: "Harbour banner (1600×400)" });

  const reader = await readerPage(browser, { javaScriptEnabled: false });
  await reader.goto(ENTRY);
  const image = reader.locator("header img.blog-header-image");
  await expect(image).toHaveAttribute("src", /^\/uploads\/\d{4}\/\d{2}\/[0-9a-f]+\.png$/);
  await expect(image).toHaveAttribute("alt", "");
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  await expect(reader.locator('link[rel="icon"]')).toHaveAttribute("href", (await image.getAttribute("src"))!);

  await admin.goto("/dashboard/images");
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "Delete harbour-banner.png" }).click();
  await expect(admin.getByRole("button", { name: "Delete harbour-banner.png" })).toHaveCount(0, SLOW);
  await reader.reload();
  await expect(reader.locator("header img.blog-header-image")).toHaveCount(0);
  await expect(reader.locator('link[rel="icon"]')).toHaveAttribute("href", /^\/favicon\.svg/);
  await reader.context().close();
});

/** How many characters each full line of the post's paragraphs holds, as laid out (a paragraph's last line is left out). */
async function lineLengths(page: Page): Promise<number[]> {
  return page.locator(".post-body p").evaluateAll((paragraphs) =>
    paragraphs.flatMap((paragraph) => {
      const lines = new Map<number, number>();
      const range = document.createRange();
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let index = 0; index < (node.textContent ?? "").length; index++) {
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          lines.set(top, (lines.get(top) ?? 0) + 1);
        }
      }
      return [...lines.values()].slice(0, -1);
    }),
  );
}

for (const [theme, bodyFont] of [
  ["Simple", "System serif (Georgia)"],
  ["Postcard", "Inter"],
  ["Typeset", "Lora"],
] as const) {
  test(`${theme} with ${bodyFont}: every reader page passes axe light and dark, is valid HTML, loads only this site, and keeps lines to 60-75 characters`, async ({ browser, request, baseURL }) => {
    test.setTimeout(150_000);
    await saveAppearance({ theme, bodyFont, accentLight: "#8a3b12", accentDark: "#f0a878" });
    for (const path of [...READER_PAGES, ...NOT_FOUND]) {
      expect(await htmlProblems(await (await request.get(path)).text()), `${theme} ${path}`).toEqual([]);
    }
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await readerPage(browser, { colorScheme, viewport: { width: 1280, height: 900 } });
      const elsewhere: string[] = [];
      page.on("request", (sent) => {
        if (new URL(sent.url()).origin !== new URL(baseURL!).origin) elsewhere.push(sent.url());
      });
      for (const path of [...READER_PAGES, ...NOT_FOUND]) {
        await page.goto(path);
        await expect(page.locator(".theme"), path).toHaveAttribute("data-theme", theme.toLowerCase());
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`), `${theme} ${colorScheme} ${path}`).toEqual([]);
      }
      await page.goto(ENTRY);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector(".post-body")!).fontFamily)).toContain(bodyFont === "System serif (Georgia)" ? "Georgia" : bodyFont);
      const lines = await lineLengths(page);
      expect(lines.length, "full lines measured").toBeGreaterThan(5);
      expect(Math.max(...lines), `longest line in ${theme} (${lines.join(" ")})`).toBeLessThanOrEqual(75);
      expect(lines.reduce((sum, length) => sum + length, 0) / lines.length, `average line in ${theme} (${lines.join(" ")})`).toBeGreaterThanOrEqual(60);
      expect(elsewhere).toEqual([]);
      await page.context().close();
    }
  });
}

test("the self-hosted font is fetched from this site, and only the chosen one", async ({ browser }) => {
  const page = await readerPage(browser);
  const fonts: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/fonts/")) fonts.push(`${new URL(response.url()).pathname} ${response.status()}`);
  });
  await page.goto(ENTRY);
  await page.evaluate(() => document.fonts.ready);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((font) => /^\/fonts\/lora-latin-(ext-)?\d00-(normal|italic)\.woff2 200$/.test(font)), fonts.join(", ")).toBe(true);
  await page.context().close();
});
