import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { signedInPage, trackedAccounts } from "./support/accounts";
import { holdBlogSettings } from "./support/blog-settings-lock";

// The blog's title is blog-wide and shows on every reader page: this spec changes it while holding
// the settings lock, in a project of its own after every other spec (playwright.config.ts), and
// puts it back after.
test.describe.configure({ mode: "serial" });

const SLOW = { timeout: 20_000 };
/** A path no route serves, and routes' own notFound(): a month with no posts, a label nobody used. */
const NOT_FOUND_PAGES = ["/no-such-thing", "/2099/01/nothing", "/label/no-such-label"];
const accounts = trackedAccounts({ role: "ADMIN", name: "Nora Notfound" });
let admin: Page;
let originalTitle: string;
let releaseBlogSettings: (() => Promise<void>) | undefined;

async function saveTitle(blogTitle: string) {
  await admin.goto("/dashboard/settings");
  await admin.getByLabel("Blog title").fill(blogTitle);
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status")).toHaveText("Settings saved. Reader pages show them now.", SLOW);
}

/** Each 404 page as a reader sees it, with and without JavaScript, and as its HTML arrives. */
async function expectTitleOnNotFoundPages(browser: Browser, request: APIRequestContext, title: string, notTitle: string) {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const reader = await context.newPage();
    for (const path of NOT_FOUND_PAGES) {
      const response = await reader.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(reader.getByRole("heading", { name: "Sorry, the page you were looking for does not exist" }), path).toBeVisible();
      await expect(reader.getByRole("banner"), `${path} with${javaScriptEnabled ? "" : "out"} JavaScript`).toContainText(title);
    }
    await context.close();
  }
  for (const path of NOT_FOUND_PAGES) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain(title);
    expect(html, path).not.toContain(notTitle);
  }
}

test.beforeAll(async ({ browser }) => {
  releaseBlogSettings = await holdBlogSettings();
  originalTitle = ((await runSql(process.env.DATABASE_URL!, `SELECT "blogTitle" FROM "Setting" WHERE id = 1`)).rows[0] as { blogTitle: string }).blogTitle;
  admin = await signedInPage(browser, await accounts.make());
});

test.afterAll(async () => {
  try {
    // The dashboard puts it back (expiring the cached pages); this is the safety net for the row.
    await runSql(process.env.DATABASE_URL!, `UPDATE "Setting" SET "blogTitle" = $1 WHERE id = 1`, [originalTitle]);
    await accounts.removeAll();
  } finally {
    await releaseBlogSettings?.();
  }
});

test("a saved blog title shows at once on the 404 page, for an unknown address and a route's notFound(), with and without JavaScript", async ({ browser, request }) => {
  test.setTimeout(90_000);
  // Seen once first, so that each is cached as it was.
  await expectTitleOnNotFoundPages(browser, request, originalTitle, "Retitled");
  const title = `Retitled ${randomBytes(3).toString("hex")}`;
  try {
    await saveTitle(title);
    await expectTitleOnNotFoundPages(browser, request, title, originalTitle);
  } finally {
    await saveTitle(originalTitle);
  }
  await expectTitleOnNotFoundPages(browser, request, originalTitle, title);
});
