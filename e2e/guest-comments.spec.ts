import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { randomClientIp, signedInPage, trackedAccounts } from "./support/accounts";
import { chooseBlogSetting, holdBlogSettings } from "./support/blog-settings-lock";
import { htmlProblems } from "./support/html-validity";

// Guests comment only on a blog open to "Anyone", a blog-wide setting: an admin opens it in the
// dashboard (which refreshes the cached reader pages) while these tests hold the settings lock,
// and closes it again after. The post is the admin's own, removed with the account.
test.describe.configure({ mode: "serial" });

const databaseUrl = () => process.env.DATABASE_URL!;
const SLOW = { timeout: 15_000 };
const accounts = trackedAccounts({ role: "ADMIN", name: "Gale Admin" });
let admin: Page;
let postPath: string;
let releaseBlogSettings: (() => Promise<void>) | undefined;

const whoMayComment = (choice: string) => chooseBlogSetting(admin, "Who may comment", choice);

/** A reader without an account, from an address of their own (so rate limits stay per test). */
async function guestPage(browser: Browser, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  return context.newPage();
}

const guestComments = async (text: string) =>
  (await runSql(databaseUrl(), `SELECT status, "userId", "authorName", "authorUrl", "authorEmail" FROM "Comment" WHERE "bodyHtml" LIKE $1`, [`%${text}%`])).rows;

test.beforeAll(async ({ browser }) => {
  releaseBlogSettings = await holdBlogSettings();
  const owner = await accounts.make();
  postPath = `/2013/03/guest-${owner.id}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, 'Say hello, anyone', $1, $2, '<p>Guests welcome.</p>', 'PUBLISHED', '2013-03-01T10:00:00Z', $3, now())`,
    [`guest-${owner.id}`, postPath, owner.id],
  );
  admin = await signedInPage(browser, owner);
  await whoMayComment("Anyone: signed-in readers, and guests who give a name");
});

test.afterAll(async () => {
  try {
    if (admin) await whoMayComment("Signed-in readers");
  } finally {
    // The dashboard puts it back (refreshing the cached pages); this is the safety net for the row.
    await runSql(databaseUrl(), `UPDATE "Setting" SET "commentPermission" = 'SIGNED_IN' WHERE id = 1`);
    await accounts.removeAll();
    await releaseBlogSettings?.();
  }
});

test("with JavaScript: a refused guest keeps their text; posted, it awaits moderation; approved, it shows under their linked name", async ({ browser }) => {
  const guest = await guestPage(browser);
  await guest.goto(postPath);
  const form = guest.locator("#comment-form");
  await expect(form.getByLabel("Your name", { exact: true })).toBeVisible();
  await expect(form).toContainText("A guest's comment shows once a moderator approves it.");
  const axe = await new AxeBuilder({ page: guest }).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);

  const text = `Hello from a guest ${Date.now()}`;
  // Spaces pass the browser's own check on the name; the server refuses them.
  await form.getByLabel("Your name", { exact: true }).fill("   ");
  await form.getByLabel("Your web site (optional)").fill("https://gwen.example.org/");
  await form.getByLabel("Your email (optional)").fill("gwen@example.org");
  await form.getByLabel("Your comment").fill(text);
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByRole("alert")).toContainText("Please correct the fields below.");
  await expect(form.locator("#comment-form-authorName-error")).toHaveText("Enter your name.");
  await expect(form.getByLabel("Your comment")).toHaveValue(text);
  await expect(form.getByLabel("Your web site (optional)")).toHaveValue("https://gwen.example.org/");
  await expect(form.getByLabel("Your email (optional)")).toHaveValue("gwen@example.org");
  expect(await guestComments(text)).toEqual([]);

  await form.getByLabel("Your name", { exact: true }).fill("Gwen Guest");
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(guest).toHaveURL(/#comment-awaiting-moderation$/);
  await expect(guest.locator("#comment-awaiting-moderation")).toBeVisible();
  await expect(guest.locator("#comment-awaiting-moderation")).toContainText("your comment awaits moderation");
  expect(await guestComments(text)).toEqual([{ status: "PENDING", userId: null, authorName: "Gwen Guest", authorUrl: "https://gwen.example.org/", authorEmail: "gwen@example.org" }]);

  // The moderation queue shows who the guest said they are, their email included (moderators only).
  await admin.goto("/dashboard/comments");
  const row = admin.locator("li", { hasText: text });
  await expect(row).toContainText("Gwen Guest (guest, https://gwen.example.org/, gwen@example.org)");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(admin.locator("li", { hasText: text })).toHaveCount(0, SLOW);

  await expect(async () => {
    await guest.reload();
    await expect(guest.locator(".comment-body", { hasText: text })).toBeVisible({ timeout: 1_000 });
  }).toPass(SLOW);
  const name = guest.locator(".comment-author").filter({ hasText: "Gwen Guest said..." }).getByRole("link", { name: "Gwen Guest" });
  await expect(name).toHaveAttribute("href", "https://gwen.example.org/");
  await expect(name).toHaveAttribute("rel", /\bnofollow ugc\b/);
  expect(await guest.content()).not.toContain("gwen@example.org");
  await guest.context().close();
});

test("without JavaScript: a refused guest gets their text back on the comment page, then posts and is told it awaits moderation", async ({ browser }) => {
  const guest = await guestPage(browser, { javaScriptEnabled: false });
  expect(await htmlProblems(await (await guest.request.get(postPath)).text())).toEqual([]);
  await guest.goto(postPath);
  const text = `No script, no account ${Date.now()}\n\nSecond paragraph.`;
  const form = guest.locator("#comment-form");
  await form.getByLabel("Your name", { exact: true }).fill("   ");
  await form.getByLabel("Your web site (optional)").fill("https://nora.example.net/");
  await form.getByLabel("Your comment").fill(text);
  await form.getByRole("button", { name: "Publish" }).click();

  await expect(guest).toHaveURL(new RegExp(`/comment\\?on=${encodeURIComponent(postPath).replaceAll("%", "\\%")}`));
  await expect(guest.getByRole("alert")).toContainText("Please correct the fields below.");
  await expect(guest.locator("#comment-form-authorName-error")).toHaveText("Enter your name.");
  expect(await htmlProblems(await guest.content())).toEqual([]);
  await expect(guest.getByLabel("Your comment")).toHaveValue(text);
  await expect(guest.getByLabel("Your web site (optional)")).toHaveValue("https://nora.example.net/");
  expect(await guestComments("No script, no account")).toEqual([]);

  await guest.getByLabel("Your name", { exact: true }).fill("Nora No-Script");
  await guest.getByRole("button", { name: "Publish" }).click();
  await expect(guest).toHaveURL(`${postPath}#comment-awaiting-moderation`);
  await expect(guest.locator("#comment-awaiting-moderation")).toBeVisible();
  expect(await guestComments("No script, no account")).toEqual([{ status: "PENDING", userId: null, authorName: "Nora No-Script", authorUrl: "https://nora.example.net/", authorEmail: null }]);
  await guest.context().close();
});

test("a signed-in reader's form on a blog open to guests asks no name and posts as their account", async ({ browser }) => {
  const reader = await accounts.make("READER", "Rita Reader");
  const page = await signedInPage(browser, reader);
  await page.goto(postPath);
  const form = page.locator("#comment-form");
  // The guest's fields go once the page knows who reads.
  await expect(form.getByLabel("Your name", { exact: true })).toHaveCount(0);
  const text = `Signed in, on an open blog ${reader.id}`;
  await form.getByLabel("Your comment").fill(text);
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/#c[a-z0-9]+$/);
  await expect(page.locator(new URL(page.url()).hash)).toContainText("Rita Reader said...");
  expect(await guestComments(text)).toEqual([{ status: "VISIBLE", userId: reader.id, authorName: null, authorUrl: null, authorEmail: null }]);
  await page.context().close();
});
