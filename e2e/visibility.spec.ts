import { expect, test } from "@playwright/test";
import { runSql } from "../tests/support/sql";

// These specs write to the blog's database themselves (DATABASE_URL comes from the global setup),
// each test with rows of its own, removed after that test (not after the file: the file's tests
// run in parallel in different workers, and one must not delete another's rows mid-test).
const databaseUrl = () => process.env.DATABASE_URL!;
const author = async () => (await runSql(databaseUrl(), `SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`)).rows[0].id as string;

let createdPosts: string[] = [];
let createdRedirects: string[] = [];

async function insertPost(post: { id: string; title: string; status: string; publishedAt: string; trashedAt?: string }) {
  createdPosts.push(post.id);
  await runSql(
    databaseUrl(),
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "trashedAt", "authorId", "updatedAt")
     VALUES ($1, $2, $1, $3, '<p>Only for the right eyes.</p>', $4::"PostStatus", $5, $6, $7, now())`,
    [post.id, post.title, `/2012/12/${post.id}`, post.status, post.publishedAt, post.trashedAt ?? null, await author()],
  );
}

test.afterEach(async () => {
  await runSql(databaseUrl(), `DELETE FROM "Post" WHERE id = ANY($1)`, [createdPosts]);
  await runSql(databaseUrl(), `DELETE FROM "Redirect" WHERE id = ANY($1)`, [createdRedirects]);
  createdPosts = [];
  createdRedirects = [];
});

test("drafts, posts scheduled for later and trashed posts answer 404", async ({ request }) => {
  await insertPost({ id: "vis-draft", title: "A draft", status: "DRAFT", publishedAt: "2012-12-30T10:00:00Z" });
  await insertPost({ id: "vis-later", title: "Later", status: "SCHEDULED", publishedAt: "2999-01-01T00:00:00Z" });
  await insertPost({ id: "vis-trash", title: "Binned", status: "PUBLISHED", publishedAt: "2012-12-30T10:00:00Z", trashedAt: "2013-01-01T00:00:00Z" });
  for (const id of ["vis-draft", "vis-later", "vis-trash"]) {
    expect((await request.get(`/2012/12/${id}`)).status(), id).toBe(404);
  }
  // Only these three must stay out of search: the scheduled-post test's row, with the same body,
  // may rightly be found by the time this runs beside it.
  const search = await (await request.get("/search?q=eyes")).text();
  for (const id of ["vis-draft", "vis-later", "vis-trash"]) expect(search, id).not.toContain(`/2012/12/${id}`);
});

test("a path in the Redirect table answers with a permanent redirect", async ({ request }) => {
  createdRedirects.push("vis-redirect");
  await runSql(databaseUrl(), `INSERT INTO "Redirect" (id, "fromPath", "toPath") VALUES ('vis-redirect', '/2009/01/old-name', '/2011/09/tool-6-i-have-joined-a-professional-networking-site')`);
  for (const attempt of ["first", "from the cache"]) {
    const response = await request.get("/2009/01/old-name", { maxRedirects: 0 });
    expect(response.status(), attempt).toBe(308);
    expect(response.headers().location, attempt).toBe("/2011/09/tool-6-i-have-joined-a-professional-networking-site");
  }
});

test("a scheduled post appears on the home page and at its permalink within 60 seconds of its time", async ({ page, request }) => {
  test.setTimeout(120_000);
  const due = new Date(Date.now() + 5_000);
  await insertPost({ id: "vis-scheduled", title: "Right on time", status: "SCHEDULED", publishedAt: due.toISOString() });
  // Visit before it is due, so the cached pages really have to change.
  await page.goto("/");
  const link = page.getByRole("link", { name: "Right on time", exact: true });
  await expect(link).toHaveCount(0);

  let seenAt: number | undefined;
  while (Date.now() < due.getTime() + 60_000) {
    await page.goto("/");
    if ((await link.count()) > 0) {
      seenAt = Date.now();
      break;
    }
    await page.waitForTimeout(2_000);
  }
  expect(seenAt, "the post never appeared on the home page").toBeDefined();
  expect(seenAt! - due.getTime()).toBeLessThanOrEqual(60_000);
  expect((await request.get("/2012/12/vis-scheduled")).status()).toBe(200);
  expect(await (await request.get("/feeds/posts/default")).text()).toContain("Right on time");
});
