import { expect, test } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { randomClientIp, signInWithPassword, trackedAccounts } from "./support/accounts";
import { startPrivateBlog, type PrivateBlog } from "./support/private-blog";

// The comment form across a database outage. The shared blog's database must stay up for the
// other specs, so this spec runs a blog of its own (e2e/support/private-blog.ts) that reaches the
// same database through a proxy it can cut.
const ENTRY = "/2011/09/tool-6-i-have-joined-a-professional-networking-site";
const accounts = trackedAccounts({ name: "Olive Outage" });
let blog: PrivateBlog;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  blog = await startPrivateBlog();
});
test.afterAll(() => blog?.stop());
test.afterEach(() => accounts.removeAll());

test("a comment sent while the database is away says 'Could not save, try again', keeps its text, and posts once when sent again", async ({ browser }) => {
  test.setTimeout(90_000);
  const reader = await accounts.make();
  const context = await browser.newContext({ baseURL: blog.origin, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  await signInWithPassword(context.request, reader);
  const page = await context.newPage();
  await page.goto(ENTRY);
  const form = page.locator("#comment-form");
  // Hydrated, and the page knows who is reading (until then the hint asks whether one is signed in).
  await expect(form).not.toContainText("Not signed in?");
  const box = form.getByLabel("Your comment");
  const text = `Written during an outage ${reader.id}`;
  await box.fill(text);

  await blog.database.cut();
  try {
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(form.getByRole("alert")).toHaveText(/Could not save, try again/);
    await expect(box).toHaveValue(text);
  } finally {
    await blog.database.restore();
  }

  await form.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator(".comment-body", { hasText: text })).toHaveCount(1);
  const { rows } = await runSql(process.env.DATABASE_URL!, `SELECT count(*)::int AS n FROM "Comment" WHERE "userId" = $1`, [reader.id]);
  expect(rows[0]).toEqual({ n: 1 });
  // What went wrong is in the server's log, not on the page.
  await expect(page.locator("body")).not.toContainText(/prisma|ECONNREFUSED|database server/i);
  await context.close();
});
