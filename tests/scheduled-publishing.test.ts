import pg from "pg";
import { beforeAll, beforeEach, expect, test } from "vitest";
import { withMigratedDatabase, runSql } from "./support/databases";

// The scheduler's publish step (lib/posts/scheduled.ts), as several servers on one database run
// it: whoever holds the advisory lock publishes the posts that came due, the others skip.
const database = withMigratedDatabase();
let scheduled: typeof import("../lib/posts/scheduled");
let authorId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  scheduled = await import("../lib/posts/scheduled");
  authorId = (await runSql(database.url, `INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ('scheduler-author', 'Sam', 'sam@example.com', 'AUTHOR', now()) RETURNING id`)).rows[0].id as string;
});

const now = new Date("2026-06-15T10:00:00Z");

async function addScheduledPost(id: string, publishedAt: string) {
  await runSql(
    database.url,
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
     VALUES ($1, $1, $1, $2, '<p>Words.</p>', 'SCHEDULED', $3, $4, now())`,
    [id, `/2026/06/${id}`, publishedAt, authorId],
  );
}

async function statuses(): Promise<Record<string, string>> {
  const { rows } = await runSql(database.url, `SELECT id, status FROM "Post" ORDER BY id`);
  return Object.fromEntries(rows.map((row: { id: string; status: string }) => [row.id, row.status]));
}

beforeEach(async () => {
  await runSql(database.url, `DELETE FROM "Post"`);
  await addScheduledPost("due-one", "2026-06-15T09:00:00Z");
  await addScheduledPost("due-two", "2026-06-15T10:00:00Z");
  await addScheduledPost("later", "2026-06-15T10:00:01Z");
});

test("two runs at once publish each due post once, and leave a post whose time has not come", async () => {
  const outcomes = await Promise.all([scheduled.publishDuePosts(now), scheduled.publishDuePosts(now)]);

  const published = outcomes.map((outcome) => (outcome.ran ? outcome.published : 0));
  expect(published.reduce((sum, count) => sum + count, 0)).toBe(2);
  expect(published.filter((count) => count > 0)).toHaveLength(1);
  expect(await statuses()).toEqual({ "due-one": "PUBLISHED", "due-two": "PUBLISHED", later: "SCHEDULED" });
  expect(await scheduled.publishDuePosts(now)).toEqual({ ran: true, published: 0 });
});

test("while another server holds the lock, a run skips and changes nothing; the next run publishes", async () => {
  const otherServer = new pg.Client({ connectionString: database.url });
  await otherServer.connect();
  try {
    await otherServer.query("BEGIN");
    await otherServer.query("SELECT pg_advisory_xact_lock($1::bigint)", [scheduled.PUBLISH_DUE_LOCK]);
    expect(await scheduled.publishDuePosts(now)).toEqual({ ran: false });
    expect(await statuses()).toEqual({ "due-one": "SCHEDULED", "due-two": "SCHEDULED", later: "SCHEDULED" });
    await otherServer.query("COMMIT");
  } finally {
    await otherServer.end();
  }

  expect(await scheduled.publishDuePosts(now)).toEqual({ ran: true, published: 2 });
  expect(await statuses()).toEqual({ "due-one": "PUBLISHED", "due-two": "PUBLISHED", later: "SCHEDULED" });
});

test("a trashed post whose time has come stays as it is, as readers never see it", async () => {
  await runSql(database.url, `UPDATE "Post" SET "trashedAt" = now() WHERE id = 'due-one'`);

  expect(await scheduled.publishDuePosts(now)).toEqual({ ran: true, published: 1 });
  expect(await statuses()).toEqual({ "due-one": "SCHEDULED", "due-two": "PUBLISHED", later: "SCHEDULED" });
});
