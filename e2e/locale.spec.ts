import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { randomClientIp, signedInPage, trackedAccounts } from "./support/accounts";
import { chooseBlogSetting, holdBlogSettings } from "./support/blog-settings-lock";
import { htmlProblems } from "./support/html-validity";

// The blog's language is a blog-wide setting that changes every reader page: an admin switches it
// in the dashboard (which expires the cached pages) while this spec holds the settings lock, in a
// project of its own after every other spec (playwright.config.ts), and switches it back after.
test.describe.configure({ mode: "serial" });

const databaseUrl = () => process.env.DATABASE_URL!;
const SLOW = { timeout: 20_000 };
const ENTRY = "/2011/09/tool-6-i-have-joined-a-professional-networking-site";
const accounts = trackedAccounts({ role: "ADMIN", name: "Lotte Admin" });
let admin: Page;
let releaseBlogSettings: (() => Promise<void>) | undefined;

const blogLanguage = (choice: string) => chooseBlogSetting(admin, "Language and date style", choice);
const whoMayComment = (choice: string) => chooseBlogSetting(admin, "Who may comment", choice);
const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`);

async function readerPage(browser: Browser, javaScriptEnabled: boolean) {
  return (await browser.newContext({ javaScriptEnabled })).newPage();
}

test.beforeAll(async ({ browser }) => {
  releaseBlogSettings = await holdBlogSettings();
  admin = await signedInPage(browser, await accounts.make());
});

test.afterAll(async () => {
  try {
    if (admin) await blogLanguage("English (United Kingdom)");
  } finally {
    // The dashboard puts it back (expiring the cached pages); this is the safety net for the row.
    await runSql(databaseUrl(), `UPDATE "Setting" SET locale = 'en-GB', "commentPermission" = 'SIGNED_IN' WHERE id = 1`);
    await accounts.removeAll();
    await releaseBlogSettings?.();
  }
});

test("in American English the home page and a post date and time the American way, at once", async ({ browser }) => {
  await blogLanguage("English (United States)");
  const page = await readerPage(browser, true);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  const headers = page.locator("main h2.date-header");
  await expect(headers.first()).toHaveText("Saturday, December 22, 2012");
  await expect(headers.last()).toHaveText("Thursday, September 8, 2011");
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Thursday, September 8, 2011" }) })).toContainText(/Posted by Maggie Ellery at 9:41\sAM/);
  await expect(page.getByRole("link", { name: "Older posts" })).toBeVisible();

  await page.goto(ENTRY);
  await expect(page.locator("p.date-header")).toHaveText("Thursday, September 8, 2011");
  const comments = page.locator("#comments");
  await expect(comments.getByRole("heading", { level: 2 })).toHaveText("1 comment:");
  await expect(comments.locator(".comment-author")).toHaveText("Annie Johnson said...");
  await expect(comments.locator(".comment-footer time")).toHaveText(/^Thursday, September 8, 2011 at 12:17\sPM$/);
});

for (const javaScriptEnabled of [true, false]) {
  test(`in Dutch every reader word and date is Dutch, ${javaScriptEnabled ? "and the page passes axe" : "without JavaScript too"}`, async ({ browser }) => {
    await blogLanguage("Nederlands");
    const page = await readerPage(browser, javaScriptEnabled);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.locator("main h2.date-header").first()).toHaveText("zaterdag 22 december 2012");
    const oldest = page.locator("section", { has: page.getByRole("heading", { name: "donderdag 8 september 2011" }) });
    await expect(oldest).toContainText("Geplaatst door Maggie Ellery om 09:41");
    await expect(oldest.getByRole("link", { name: "1 reactie bij Tool 6" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Oudere berichten" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Blogarchief" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Older posts");

    await page.goto(ENTRY);
    await expect(page.locator("p.date-header")).toHaveText("donderdag 8 september 2011");
    const comments = page.locator("#comments");
    await expect(comments.getByRole("heading", { level: 2 })).toHaveText("1 reactie:");
    await expect(comments.locator(".comment-author")).toHaveText("Annie Johnson zei...");
    await expect(comments.locator(".comment-footer time")).toHaveText("donderdag 8 september 2011 om 12:17");
    // Without JavaScript the form shows until a publish asks the reader to sign in.
    if (javaScriptEnabled) await expect(comments.getByRole("link", { name: "Log in om te reageren" })).toBeVisible();
    else await expect(comments.getByLabel("Je reactie")).toBeVisible();
    // axe runs as a script in the page: only where the page runs scripts.
    if (!javaScriptEnabled) return;
    expect(await axeViolations(page)).toEqual([]);
  });
}

test("in Dutch a new query's first answer is made from the frame in Dutch, not sent to a render", async ({ request }) => {
  // The frame was rendered in English before the switch: it is rendered anew in Dutch once asked for.
  const firstAnswer = async () => {
    const q = `allotment -quill${Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join("")}`;
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`, { maxRedirects: 0 });
    const html = await response.text();
    // A first answer is plain HTML; a page rendered for the query has Next's scripts.
    return response.status() === 200 && !html.includes("<script") ? html : `status ${response.status()}, rendered`;
  };
  await expect.poll(firstAnswer, SLOW).toMatch(/<p aria-live="polite">\d+ berichten? gevonden/);
  expect(await firstAnswer()).toContain("Zoekresultaten voor „allotment -quill");
});

for (const javaScriptEnabled of [true, false]) {
  test(`in Dutch a guest's refused comment says why in Dutch, ${javaScriptEnabled ? "in the form" : "on the comment page without JavaScript"}`, async ({ browser }) => {
    await blogLanguage("Nederlands");
    await whoMayComment("Anyone: signed-in readers, and guests who give a name");
    try {
      const guest = await (await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } })).newPage();
      await guest.goto(ENTRY);
      const form = guest.locator("#comment-form");
      const text = `Een gast zonder naam ${Date.now()}`;
      // Spaces pass the browser's own check on the name; the server refuses them.
      await form.getByLabel("Je naam", { exact: true }).fill("   ");
      await form.getByLabel("Je reactie").fill(text);
      await form.getByRole("button", { name: "Publiceren" }).click();
      if (!javaScriptEnabled) {
        await expect(guest).toHaveURL(/\/comment\?on=/);
        await expect(guest.getByRole("heading", { level: 1 })).toHaveText("Een reactie posten");
        await expect(guest.locator("main")).toContainText("je reactie is nog niet geplaatst");
      }
      await expect(guest.locator("#comment-form").getByRole("alert")).toContainText("Verbeter de velden hieronder.");
      await expect(guest.locator("#comment-form-authorName-error")).toHaveText("Vul je naam in.");
      await expect(guest.getByLabel("Je reactie")).toHaveValue(text);
      if (javaScriptEnabled) expect(await axeViolations(guest)).toEqual([]);
      else expect(await htmlProblems(await guest.content())).toEqual([]);
      await guest.context().close();
    } finally {
      await whoMayComment("Signed-in readers");
    }
  });
}

test("in Dutch a moderator's header, post link and comment controls are Dutch, and so are their answers", async () => {
  await blogLanguage("Nederlands");
  const page = await admin.context().newPage();
  await page.goto(ENTRY);
  await expect(page.getByRole("button", { name: "Nieuw bericht" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bericht bewerken" })).toBeVisible();
  const comments = page.locator("#comments");
  const annie = comments.locator("li", { hasText: "Annie Johnson zei..." });
  for (const name of ["Verbergen", "Spam", "Weghalen"]) await expect(annie.getByRole("button", { name })).toBeVisible();

  const text = `Een eigen reactie ${Date.now()}`;
  await comments.getByLabel("Je reactie").fill(text);
  await comments.getByRole("button", { name: "Publiceren" }).click();
  const mine = comments.locator("li", { hasText: text });
  await mine.getByText("Bewerken", { exact: true }).click();
  await mine.getByLabel("Je reactie bewerken").fill(`${text}, bewerkt`);
  await mine.getByRole("button", { name: "Opslaan" }).click();
  await expect(mine.getByRole("status")).toHaveText("Opgeslagen.");
  expect(await axeViolations(page)).toEqual([]);
  await expect(comments.getByRole("button", { name: /^(Delete|Hide|Remove|Approve|Save)$/ })).toHaveCount(0);
  await mine.getByRole("button", { name: "Verwijderen" }).click();
  await expect(comments.locator("li", { hasText: text })).toHaveCount(0, SLOW);
  await page.close();
});

test("in Dutch the comment feeds and the unsubscribe page speak Dutch", async ({ request }) => {
  await blogLanguage("Nederlands");
  const { id } = (await runSql(databaseUrl(), `SELECT id FROM "Post" WHERE permalink = $1`, [ENTRY])).rows[0] as { id: string };
  const feedTitle = (path: string) => async () => /<title[^>]*>([^<]*)<\/title>/.exec(await (await request.get(path)).text())?.[1];
  await expect.poll(feedTitle("/feeds/comments/default"), SLOW).toMatch(/: reacties$/);
  await expect.poll(feedTitle(`/feeds/${id}/comments/default`), SLOW).toMatch(/: reacties op Tool 6/);

  const unsubscribe = await request.get("/unsubscribe?token=not-a-token");
  const html = await unsubscribe.text();
  expect(html).toContain("Deze afmeldlink is niet geldig.");
  expect(html).toMatch(/<h1>Afmelden<\/h1>/);
  expect(await htmlProblems(html)).toEqual([]);
});
