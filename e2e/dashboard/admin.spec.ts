import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { runSql } from "../../tests/support/sql";
import { signedInPage, signInWithPassword, trackedAccounts, type TestAccount } from "../support/accounts";
import { holdBlogSettings } from "../support/blog-settings-lock";

// The dashboard's moderation queue, People and Settings. Each test makes its own accounts, posts
// and comments and removes them afterwards; only the Settings block changes the blog-wide Setting
// row, serially, and puts it back.
const databaseUrl = () => process.env.DATABASE_URL!;

// Several signed-in pages per test against a production server on a shared, busy machine.
test.describe.configure({ timeout: 90_000 });
// Navigations and re-renders after an action can take seconds there; the default 5 s is too short.
const SLOW = { timeout: 20_000 };

const accounts = trackedAccounts();
const account = accounts.make;

async function ownPost(author: TestAccount) {
  const id = `adm-${randomBytes(6).toString("hex")}`;
  const permalink = `/2012/10/${id}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, $2, $1, $3, '<p>Comments welcome.</p>', 'PUBLISHED', '2012-10-15T10:00:00Z', $4, now())`,
    [id, `Queue post ${id}`, permalink, author.id],
  );
  return { id, permalink, title: `Queue post ${id}` };
}

async function heldComment(postId: string, writer: TestAccount, text: string) {
  const id = `cm-${randomBytes(6).toString("hex")}`;
  await runSql(
    databaseUrl(),
    `INSERT INTO "Comment" (id, "postId", "userId", "bodyHtml", status, "idempotencyKey") VALUES ($1, $2, $3, $4, 'PENDING', $1)`,
    [id, postId, writer.id, `<p>${text}</p>`],
  );
  return id;
}

const statusOf = async (ids: string[]) =>
  ((await runSql(databaseUrl(), `SELECT status FROM "Comment" WHERE id = ANY($1)`, [ids])).rows as { status: string }[]).map((row) => row.status);

test.afterEach(() => accounts.removeAll());


const badge = (page: Page) => page.getByRole("navigation", { name: "Dashboard" }).locator(".dashboard-badge");

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

test("an author approves a held comment in the queue: it shows on the post and the badge drops", async ({ browser, page: stranger }) => {
  const author = await account("AUTHOR", "Queue Author");
  const reader = await account("READER", "Held Reader");
  const post = await ownPost(author);
  const text = `Waiting politely ${post.id}`;
  await heldComment(post.id, reader, text);

  await stranger.goto(post.permalink);
  await expect(stranger.locator("#comments")).not.toContainText(text);

  const page = await signedInPage(browser, author);
  await page.goto("/dashboard/comments");
  await expect(badge(page)).toHaveText("1");
  const row = page.getByRole("listitem").filter({ hasText: text });
  await expect(row).toContainText("Held Reader");
  await expect(row.getByRole("link", { name: post.title })).toHaveAttribute("href", post.permalink);
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "approved" })).toHaveText("1 comment approved.", SLOW);
  await expect(badge(page)).toHaveCount(0, SLOW);
  await expect(page.getByText("No comments are waiting for you.")).toBeVisible();

  await stranger.goto(post.permalink);
  await expect(stranger.locator(".comment-thread")).toContainText(text, SLOW);
  await page.context().close();
});

test("bulk: select all and mark as spam; the spam tab lists them", async ({ browser }) => {
  const author = await account("AUTHOR", "Bulk Author");
  const reader = await account("READER", "Bulk Reader");
  const post = await ownPost(author);
  const ids = [await heldComment(post.id, reader, "Buy cheap things one"), await heldComment(post.id, reader, "Buy cheap things two")];

  const page = await signedInPage(browser, author);
  await page.goto("/dashboard/comments");
  await expect(badge(page)).toHaveText("2");
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Select" })).toHaveText("Select at least one comment first.", SLOW);
  expect(await statusOf(ids)).toEqual(["PENDING", "PENDING"]);
  await page.getByLabel("Select all on this page").check();
  await page.getByRole("button", { name: "Mark selected as spam" }).click();
  await expect(page.getByRole("status").filter({ hasText: "spam" })).toHaveText("2 comments marked as spam.", SLOW);
  await expect(badge(page)).toHaveCount(0, SLOW);
  expect(await statusOf(ids)).toEqual(["SPAM", "SPAM"]);

  await page.getByRole("link", { name: "Spam", exact: true }).click();
  await expect(page).toHaveURL(/status=spam/, SLOW);
  await expect(page.getByRole("listitem").filter({ hasText: "Buy cheap things" })).toHaveCount(2);
  await page.context().close();
});

test("an admin changes a user's role and disables the account, which is then signed out and cannot sign in", async ({ browser }) => {
  const admin = await account("ADMIN", "People Admin");
  const person = await account("READER", `Changeable ${randomBytes(3).toString("hex")}`);
  const personPage = await signedInPage(browser, person);

  const page = await signedInPage(browser, admin);
  await page.goto("/dashboard/users");
  await page.getByLabel("Search by name or email").fill(person.email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toContainText("Reader");
  await row.getByLabel(`Role for ${person.name}`, { exact: true }).selectOption("AUTHOR");
  await row.getByRole("button", { name: `Change role for ${person.name}` }).click();
  await expect(row.getByRole("status").first()).toHaveText(`${person.name} is now an author.`, SLOW);
  // The new role counts at the person's next request.
  await personPage.goto("/dashboard/comments");
  await expect(personPage.getByRole("heading", { level: 1 })).toHaveText("Comments");

  await row.getByRole("button", { name: `Disable ${person.name}` }).click();
  await expect(row.getByRole("status").nth(1)).toHaveText(`${person.name}'s account is disabled: they cannot sign in or comment.`, SLOW);
  await expect(row).toContainText("Disabled", SLOW);
  await expect(row.getByRole("button", { name: `Enable ${person.name}` })).toBeVisible();

  await personPage.goto("/dashboard/comments");
  await expect(personPage).toHaveURL(/\/sign-in\?/);
  const fresh = await browser.newContext();
  await expect(signInWithPassword(fresh.request, person)).rejects.toThrow(/failed/);
  await fresh.close();

  // Their own row refuses, with a reason.
  const own = page.getByRole("row").filter({ hasText: admin.email });
  await page.goto(`/dashboard/users?q=${encodeURIComponent(admin.email)}`);
  await own.getByRole("button", { name: `Disable ${admin.name}` }).click();
  await expect(own.getByRole("status").nth(1)).toHaveText("You cannot disable your own account. Ask another admin to do it.", SLOW);
  await page.context().close();
  await personPage.context().close();
});

test("an author gets 403 on People and Settings, a reader on the comment queue", async ({ browser }) => {
  const author = await signedInPage(browser, await account("AUTHOR", "Plain Author"));
  for (const path of ["/dashboard/users", "/dashboard/settings"]) {
    const response = await author.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(author.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  }
  const reader = await signedInPage(browser, await account("READER", "Plain Reader"));
  expect((await reader.goto("/dashboard/comments"))?.status()).toBe(403);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  // The same author opens their own areas as usual.
  expect((await author.goto("/dashboard/comments"))?.status()).toBe(200);
  await author.context().close();
  await reader.context().close();
});

test("the queue and People pages have no axe violations", async ({ browser }) => {
  const admin = await account("ADMIN", "Axe Admin");
  const post = await ownPost(admin);
  await heldComment(post.id, await account("READER", "Axe Reader"), "Checked for contrast");
  const page = await signedInPage(browser, admin);
  await page.goto("/dashboard/comments");
  await expect(page.getByRole("listitem").filter({ hasText: "Checked for contrast" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/dashboard/users?q=${encodeURIComponent(admin.email)}`);
  await expect(page.getByRole("row").filter({ hasText: admin.email })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.context().close();
});

test.describe("settings", () => {
  // These change the blog-wide Setting row: one at a time, and it is put back afterwards.
  test.describe.configure({ mode: "serial" });

  let original: { blogTitle: string; description: string; postsPerPage: number; timeZone: string } | undefined;
  let releaseBlogSettings: (() => Promise<void>) | undefined;

  test.beforeAll(async () => {
    releaseBlogSettings = await holdBlogSettings();
    original = (await runSql(databaseUrl(), `SELECT "blogTitle", description, "postsPerPage", "timeZone" FROM "Setting" WHERE id = 1`)).rows[0];
  });

  test.afterAll(async () => {
    // The UI restores it in the test (refreshing the cached pages); this is the safety net for the row.
    if (original) await runSql(databaseUrl(), `UPDATE "Setting" SET "blogTitle" = $1 WHERE id = 1`, [original.blogTitle]);
    await releaseBlogSettings?.();
  });

  test("an admin changes the blog title, the home page shows it at once, and it is put back", async ({ browser }) => {
    const page = await signedInPage(browser, await account("ADMIN", "Settings Admin"));
    const title = `Retitled ${randomBytes(3).toString("hex")}`;
    const save = async (blogTitle: string) => {
      await page.goto("/dashboard/settings");
      await page.getByLabel("Blog title").fill(blogTitle);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status")).toHaveText("Settings saved. Reader pages show them now.", SLOW);
    };
    try {
      await save(title);
      await page.goto("/");
      await expect(page.getByRole("banner")).toContainText(title);
    } finally {
      await save(original!.blogTitle);
    }
    await page.goto("/");
    await expect(page.getByRole("banner")).toContainText(original!.blogTitle);
    await page.context().close();
  });

  test("bad values are refused next to their fields and change nothing; the page has no axe violations", async ({ browser }) => {
    const page = await signedInPage(browser, await account("ADMIN", "Settings Checker"));
    await page.goto("/dashboard/settings");
    await expectNoAxeViolations(page);
    await page.getByLabel("Posts per page").fill("99");
    await page.getByLabel("Days before a post counts as older").fill("0");
    // The browser's own checks would stop the form first; the server's are what is tested here.
    await page.locator("form").filter({ has: page.getByLabel("Blog title") }).evaluate((form) => form.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#setting-postsPerPage-error")).toHaveText("Posts per page must be between 1 and 50.");
    await expect(page.locator("#setting-moderateAfterDays-error")).toHaveText("The number of days must be between 1 and 3650.");
    await expect(page.getByLabel("Posts per page")).toHaveValue("99");
    await expect(page.getByLabel("Posts per page")).toHaveAttribute("aria-invalid", "true");
    const row = (await runSql(databaseUrl(), `SELECT "postsPerPage" FROM "Setting" WHERE id = 1`)).rows[0] as { postsPerPage: number };
    expect(row.postsPerPage).toBe(original!.postsPerPage);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
