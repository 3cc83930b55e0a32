import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { runSql } from "../tests/support/sql";
import { trackedAccounts } from "./support/accounts";
import { htmlProblems } from "./support/html-validity";

// Page weight is bytes, not time: the same data renders the same page, so a bound is a fair test.
// What grows with a blog's age (the sidebar's archive) is held by tests/archive-widget.test.ts.
const COMMENTS = 200;
const MAX_BYTES = 300 * 1024;

// Removing the account removes its post, and the comments with it.
const accounts = trackedAccounts({ role: "AUTHOR", name: "Wendy Weight" });
test.afterEach(() => accounts.removeAll());

async function postWithComments(count: number) {
  const author = await accounts.make();
  const id = `wgt-${author.id}`;
  const path = `/2012/10/${id}`;
  const databaseUrl = process.env.DATABASE_URL!;
  await runSql(
    databaseUrl,
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, 'A much discussed post', $1, $2, '<p>Tell me what you think.</p>', 'PUBLISHED', '2012-10-15T10:00:00Z', $3, now())`,
    [id, path, author.id],
  );
  // Guests' comments a sentence long, as in the benchmark's blog, every fifth a reply to the one before it.
  await runSql(
    databaseUrl,
    `INSERT INTO "Comment" (id, "postId", "parentId", "authorName", "bodyHtml", "idempotencyKey", "createdAt")
     SELECT $1 || '-' || c, $1, CASE WHEN c % 5 = 0 THEN $1 || '-' || (c - 1) END, 'Reader number ' || c,
            '<p>This made my morning; I read it twice. (' || c || ')</p>',
            $1 || '-' || c, timestamp '2012-10-15 11:00' + c * interval '1 minute'
     FROM generate_series(1, $2) AS c`,
    [id, count],
  );
  return { id, path };
}

test(`a post with ${COMMENTS} comments weighs at most 300 KB, with one reply form and a reply page per comment`, async ({ page, request }) => {
  const { id, path } = await postWithComments(COMMENTS);
  const html = await (await request.get(path)).text();
  expect(Buffer.byteLength(html), `${path} weighs ${Buffer.byteLength(html)} bytes`).toBeLessThanOrEqual(MAX_BYTES);
  // The comment form only: a reply form opens under a comment when its Reply link is clicked.
  expect(html.match(/<textarea/g)).toHaveLength(1);

  await page.goto(path);
  await expect(page.locator("#comments .comment-body")).toHaveCount(COMMENTS);
  const replyLinks = page.locator("#comments").getByRole("link", { name: "Reply", exact: true });
  await expect(replyLinks).toHaveCount(COMMENTS);

  const replyHref = await replyLinks.nth(4).getAttribute("href");
  const replyPage = new URL(replyHref!, page.url()).pathname;
  expect(replyPage).toBe(`/2012/10/reply/${id}-5`);
  const reply = await request.get(replyPage);
  expect(reply.status()).toBe(200);
  expect(await htmlProblems(await reply.text())).toEqual([]);
  await page.goto(replyPage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reply to Reader number 5");
  await expect(page.getByLabel("Your reply")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
});
