import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { signedInPage, trackedAccounts } from "./support/accounts";
import { holdBlogSettings } from "./support/blog-settings-lock";
import { htmlProblems } from "./support/html-validity";
import { untilHydrated } from "./support/hydration";

// The Layout page changes the sidebar and footer of every reader page: this spec runs in a project
// of its own after every other (playwright.config.ts), holds the blog settings lock like the other
// blog-wide specs, and puts the default layout back at the end.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const SLOW = { timeout: 20_000 };
const accounts = trackedAccounts({ role: "ADMIN", name: "Layla Layout" });
let admin: Page;
let releaseBlogSettings: (() => Promise<void>) | undefined;

const area = (page: Page, name: "Sidebar" | "Footer") => page.getByRole("region", { name });
const gadget = (page: Page, areaName: "Sidebar" | "Footer", name: string) => area(page, areaName).getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });
const said = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toHaveText(text, SLOW);

async function openLayout(page: Page) {
  await page.goto("/dashboard/layout");
  await untilHydrated(page.getByRole("button", { name: "Add gadget" }));
}

async function addGadget(kind: string, where: "The sidebar" | "The footer") {
  await admin.getByLabel("Kind").selectOption({ label: kind });
  await admin.getByLabel("Where").selectOption({ label: where });
  await admin.getByRole("button", { name: "Add gadget" }).click();
  await said(admin, `Added a ${kind} gadget at the foot of the ${where.slice(4)}. Edit it below to set it up.`);
}

/** Opens the gadget's settings, lets `fill` set them, saves, and waits for the answer. */
async function editGadget(item: Locator, name: string, fill: (item: Locator) => Promise<void>, savedAs = name) {
  await item.getByText("Edit", { exact: true }).click();
  await fill(item);
  await item.getByRole("button", { name: `Save ${name}` }).click();
  await said(admin, `Saved ${savedAs}. Reader pages show it now.`);
}

/** The sidebar's gadget headings on a reader page, top to bottom. */
async function sidebarHeadings(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/");
  const headings = await page.getByRole("complementary").getByRole("heading", { level: 2 }).allTextContents();
  await context.close();
  return headings;
}

test.beforeAll(async ({ browser }) => {
  releaseBlogSettings = await holdBlogSettings();
  admin = await signedInPage(browser, await accounts.make());
});

test.afterAll(async () => {
  try {
    // The default layout, as the migration made it; then one save through the dashboard expires the reader pages' gadgets.
    await runSql(process.env.DATABASE_URL!, `DELETE FROM "Gadget" WHERE id NOT IN ('default-archive', 'default-labels')`);
    await runSql(
      process.env.DATABASE_URL!,
      `UPDATE "Gadget" SET area = 'SIDEBAR', title = '', position = CASE id WHEN 'default-archive' THEN 0 ELSE 1 END,
              config = CASE id WHEN 'default-archive' THEN '{"style":"HIERARCHY"}'::jsonb ELSE '{"display":"LIST","sort":"NAME"}'::jsonb END`,
    );
    if (admin) {
      await openLayout(admin);
      await editGadget(gadget(admin, "Sidebar", "Labels"), "Labels", async () => {});
    }
  } finally {
    await accounts.removeAll();
    await releaseBlogSettings?.();
  }
});

test("an admin adds a gadget, it shows on reader pages at once, and moves by keyboard", async ({ browser }) => {
  await openLayout(admin);
  await addGadget("Text", "The sidebar");
  await editGadget(gadget(admin, "Sidebar", "Text"), "Text", async (item) => {
    await item.getByLabel("Title (optional)").fill("Opening hours");
    await item.getByLabel("Text", { exact: true }).fill("Open on Thursdays,\nand by appointment.\n\nClosed in August.");
  }, "“Opening hours”");
  expect(await sidebarHeadings(browser)).toEqual(["Blog Archive", "Labels", "Opening hours"]);

  const moveUp = admin.getByRole("button", { name: "Move up: Opening hours" });
  await moveUp.focus();
  await admin.keyboard.press("Enter");
  await said(admin, "Moved “Opening hours”: now 2 of 3 in the sidebar.");
  // Focus stays on the button as the gadget moves, so the next press moves it again.
  await expect(moveUp).toBeFocused();
  await admin.keyboard.press("Enter");
  await said(admin, "Moved “Opening hours”: now 1 of 3 in the sidebar.");
  await admin.keyboard.press("Enter");
  await said(admin, "That gadget is already at the top of its area.");
  expect(await sidebarHeadings(browser)).toEqual(["Opening hours", "Blog Archive", "Labels"]);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/");
  await expect(reader.getByRole("complementary")).toContainText("Closed in August.");
  await reader.context().close();
});

test("dragging a gadget onto another saves the area's new order", async ({ browser }) => {
  await openLayout(admin);
  // Tall enough for both gadgets to be in view: the drag is made without scrolling in between.
  await admin.setViewportSize({ width: 1280, height: 1600 });
  const sidebar = area(admin, "Sidebar");
  await gadget(admin, "Sidebar", "Opening hours").dragTo(gadget(admin, "Sidebar", "Labels"), { sourcePosition: { x: 8, y: 8 }, targetPosition: { x: 8, y: 8 } });
  await said(admin, "Saved the sidebar's new order.");
  await expect(sidebar.locator("strong")).toHaveText(["Blog archive", "Labels", "Opening hours"]);
  expect(await sidebarHeadings(browser)).toEqual(["Blog Archive", "Labels", "Opening hours"]);
});

test("without JavaScript the move buttons post themselves, and the archive dropdown takes a reader to the month", async ({ browser }) => {
  await openLayout(admin);
  await editGadget(gadget(admin, "Sidebar", "Blog archive"), "Blog archive", (item) => item.getByLabel("Style").selectOption({ label: "Dropdown menu" }).then(() => undefined));

  const noScriptAdmin = await signedInPage(browser, accounts.all[0]!, { javaScriptEnabled: false });
  await noScriptAdmin.goto("/dashboard/layout");
  await noScriptAdmin.getByRole("button", { name: "Move down: Opening hours" }).click();
  await expect(noScriptAdmin).toHaveURL(/\/dashboard\/layout$/);
  await said(noScriptAdmin, "That gadget is already at the foot of its area.");
  await noScriptAdmin.getByRole("button", { name: "Move up: Opening hours" }).click();
  await said(noScriptAdmin, "Moved “Opening hours”: now 2 of 3 in the sidebar.");
  await noScriptAdmin.context().close();

  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto("/");
  await reader.getByLabel("Choose a month").selectOption("2011/09");
  await reader.getByRole("button", { name: "Go" }).click();
  await expect(reader).toHaveURL(/\/2011\/09$/);
  await expect(reader).toHaveTitle(/September 2011/);
  await reader.context().close();
});

/** No accessibility violations axe can find on the page as it stands. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

test("with a gadget of every kind, a reader page and the Layout page pass axe and are valid HTML, and nothing loads from another site", async ({ browser }) => {
  await openLayout(admin);
  for (const kind of ["Profile (About me)", "Popular posts", "Link list", "HTML", "Subscribe links", "Search box"]) await addGadget(kind, "The footer");
  await editGadget(gadget(admin, "Footer", "Profile (About me)"), "Profile (About me)", (item) => item.getByLabel("About you").fill("I look after the reading room."));
  await editGadget(gadget(admin, "Footer", "Popular posts"), "Popular posts", (item) => item.getByLabel("Comments written in").selectOption({ label: "All time" }).then(() => undefined));
  await editGadget(gadget(admin, "Footer", "Link list"), "Link list", async (item) => {
    await item.getByLabel("Title (optional)").fill("Elsewhere");
    await item.getByLabel("Links").fill("Allotment society | https://allotments.example.org/\nAbout this blog | /p/about");
  }, "“Elsewhere”");
  await editGadget(gadget(admin, "Footer", "HTML"), "HTML", (item) =>
    item.getByLabel("HTML", { exact: true }).fill('<p>Made <b>by hand</b>.</p><img src="https://tracker.example/pixel.gif" alt="pixel"><script>window.pwned = 1</script>'),
  );
  await editGadget(gadget(admin, "Sidebar", "Labels"), "Labels", (item) => item.getByLabel("Show as").selectOption({ label: "Cloud" }).then(() => undefined));
  await expectAccessible(admin);
  expect(await htmlProblems(await (await admin.request.get("/dashboard/layout")).text())).toEqual([]);

  const context = await browser.newContext();
  const reader = await context.newPage();
  const otherSites: string[] = [];
  reader.on("request", (request) => {
    const { protocol, host } = new URL(request.url());
    if (/^https?:$/.test(protocol) && host !== `127.0.0.1:${process.env.E2E_PORT}`) otherSites.push(request.url());
  });
  const response = await reader.goto("/");
  const footer = reader.getByRole("contentinfo");
  await expect(footer.getByRole("heading", { name: "About me" })).toBeVisible();
  await expect(footer).toContainText("I look after the reading room.");
  await expect(footer.getByRole("navigation", { name: "Popular posts" }).getByRole("listitem").first()).toContainText(/\d+ comments?/);
  await expect(footer.getByRole("navigation", { name: "Elsewhere" }).getByRole("link", { name: "About this blog" })).toHaveAttribute("href", "/p/about");
  await expect(footer).toContainText("Made by hand.");
  await expect(footer.locator('script, img[src*="tracker"]')).toHaveCount(0);
  expect(await reader.evaluate(() => Reflect.get(window, "pwned"))).toBeUndefined();
  await expect(footer.getByRole("navigation", { name: "Subscribe to" }).getByRole("link", { name: "Comments (Atom)" })).toHaveAttribute("href", "/feeds/comments/default");
  await expect(footer.getByRole("search", { name: "Search this blog" })).toBeVisible();
  await expect(reader.getByRole("search", { name: "Blog search" })).toBeVisible();
  await expectAccessible(reader);
  expect(await htmlProblems(await response!.text())).toEqual([]);
  expect(otherSites).toEqual([]);
  await context.close();
});
