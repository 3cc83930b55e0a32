import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { runSql } from "../../tests/support/sql";
import { signedInPage, trackedAccounts, type TestAccount } from "../support/accounts";

// A post's revisions in the dashboard: the list, a word diff against the current text, and
// restoring. Each test seeds a draft post of its own with two revisions and removes it afterwards.
const databaseUrl = () => process.env.DATABASE_URL!;
// A server action's answer: allow for a machine busy with other builds.
const AFTER_ACTION = { timeout: 15_000 };

const accounts = trackedAccounts();
const account = accounts.make;
test.afterEach(() => accounts.removeAll());

/** A draft whose current text is its newer revision; the older one says "quick" where it now says "slow". */
async function postWithTwoRevisions(author: TestAccount) {
  const id = `rev-${author.id}`;
  const sql = (statement: string, values: unknown[]) => runSql(databaseUrl(), statement, values);
  await sql(
    `INSERT INTO "Post" (id, title, slug, "bodyHtml", status, "authorId", version, "updatedAt")
     VALUES ($1, 'Seed beds', $1, '<p>The slow fox sleeps by the shed.</p>', 'DRAFT', $2, 3, now())`,
    [id, author.id],
  );
  await sql(
    `INSERT INTO "PostRevision" (id, "postId", "authorId", kind, title, "bodyHtml", "createdAt", "updatedAt") VALUES
       ($1 || '-older', $1, $2, 'EDIT', 'Seed beds', '<p>The quick fox runs by the shed.</p>', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z'),
       ($1 || '-newer', $1, $2, 'EDIT', 'Seed beds', '<p>The slow fox sleeps by the shed.</p>', '2026-01-06T10:00:00Z', '2026-01-06T10:00:00Z')`,
    [id, author.id],
  );
  return { id, revisions: `/dashboard/posts/${id}/revisions`, older: `/dashboard/posts/${id}/revisions/${id}-older` };
}


async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

const revisionRows = (page: Page) => page.getByRole("table").getByRole("row").filter({ has: page.getByRole("cell") });

test("an author compares an older revision with the current text and restores it", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await account("AUTHOR", "Rosa Lind");
  const post = await postWithTwoRevisions(author);
  const page = await signedInPage(browser, author);

  await page.goto(post.revisions);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revisions of “Seed beds”");
  await expect(revisionRows(page)).toHaveCount(2);
  await expect(revisionRows(page).nth(0)).toContainText("Rosa Lind");
  await expect(revisionRows(page).nth(0)).toContainText("Edited");
  await expectNoAxeViolations(page);

  // Newest first: the older revision is the second row.
  await revisionRows(page).nth(1).getByRole("link").click();
  await expect(page).toHaveURL(post.older);
  await expect(page.locator("del")).toContainText(["quick", "runs"]);
  await expect(page.locator("ins")).toContainText(["slow", "sleeps"]);
  await expect(page.getByRole("list", { name: "How changes are shown" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Restore this revision" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/posts/${post.id}$`), AFTER_ACTION);
  const { rows } = await runSql(databaseUrl(), `SELECT "bodyHtml", version FROM "Post" WHERE id = $1`, [post.id]);
  expect(rows).toEqual([{ bodyHtml: "<p>The quick fox runs by the shed.</p>", version: 4 }]);

  await page.goto(post.revisions);
  await expect(revisionRows(page)).toHaveCount(3);
  await expect(revisionRows(page).nth(0)).toContainText("Restored");
  await expect(revisionRows(page).nth(0)).toContainText("Rosa Lind");
  // The restore is the post's text now, and the revision it came from matches it again.
  await page.goto(post.older);
  await expect(page.getByText("This revision is the same as the current text.")).toBeVisible();
  await page.context().close();
});

test("a restore over changes made meanwhile is refused with the reason", async ({ browser }) => {
  const author = await account("AUTHOR", "Rosa Lind");
  const post = await postWithTwoRevisions(author);
  const page = await signedInPage(browser, author);
  await page.goto(post.older);
  // Another tab saves while this page is open.
  await runSql(databaseUrl(), `UPDATE "Post" SET "bodyHtml" = '<p>Saved elsewhere.</p>', version = 4 WHERE id = $1`, [post.id]);
  await page.getByRole("button", { name: "Restore this revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "changed after you opened this page" })).toBeVisible(AFTER_ACTION);
  await expect(page).toHaveURL(post.older);
  const { rows } = await runSql(databaseUrl(), `SELECT "bodyHtml", version FROM "Post" WHERE id = $1`, [post.id]);
  expect(rows).toEqual([{ bodyHtml: "<p>Saved elsewhere.</p>", version: 4 }]);
  await page.context().close();
});

test("another author finds no such post, a reader is not allowed, an admin may open the revisions", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await account("AUTHOR", "Rosa Lind");
  const post = await postWithTwoRevisions(author);
  const expectations = [
    ["AUTHOR", "Not found", 404],
    ["READER", "Not allowed", 403],
    ["ADMIN", null, 200],
  ] as const;
  for (const [role, refusal, status] of expectations) {
    const page = await signedInPage(browser, await account(role, `Someone ${role.toLowerCase()}`));
    for (const path of [post.revisions, post.older]) {
      expect((await page.goto(path))?.status(), `${role} on ${path}`).toBe(status);
      if (refusal) {
        await expect(page.getByRole("heading", { level: 1 }), `${role} on ${path}`).toHaveText(refusal);
        await expect(page.getByText("Seed beds")).toHaveCount(0);
      } else {
        await expect(page.getByRole("heading", { level: 1 }), `${role} on ${path}`).toContainText(path === post.older ? "Revision of" : "Seed beds");
      }
    }
    await page.context().close();
  }
});
