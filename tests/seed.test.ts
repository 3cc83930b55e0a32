import { describe, expect, test } from "vitest";
import { seedDatabase } from "../scripts/lib/demo-content";
import { demoAccounts } from "../prisma/seed/seed";
import { runSql, withMigratedDatabase } from "./support/databases";

describe("the demo content", () => {
  const database = withMigratedDatabase();

  test("fills an empty blog: a few years of posts, labels, accounts, and the 8 September 2011 entry", async () => {
    const result = await seedDatabase(database.url);
    expect(result.seeded).toBe(true);

    const years = await runSql(
      database.url,
      `SELECT extract(year FROM "publishedAt" AT TIME ZONE 'Europe/London')::int AS year, count(*)::int AS posts
         FROM "Post" WHERE status = 'PUBLISHED' GROUP BY 1 ORDER BY 1`,
    );
    expect(years.rows.map((row) => row.year)).toEqual([2010, 2011, 2012]);
    expect(years.rows.reduce((sum, row) => sum + row.posts, 0)).toBeGreaterThanOrEqual(12);

    const labelled = await runSql(database.url, `SELECT count(DISTINCT "postId")::int AS n FROM "PostLabel"`);
    expect(labelled.rows[0].n).toBeGreaterThan(0);

    const entry = await runSql(
      database.url,
      `SELECT p.id, p.permalink, to_char(p."publishedAt" AT TIME ZONE 'Europe/London', 'FMDay, FMDD FMMonth YYYY') AS day
         FROM "Post" p
        WHERE (p."publishedAt" AT TIME ZONE 'Europe/London')::date = DATE '2011-09-08'`,
    );
    expect(entry.rows).toHaveLength(1);
    expect(entry.rows[0].day).toBe("Thursday, 8 September 2011");
    expect(entry.rows[0].permalink).toMatch(/^\/2011\/09\/[a-z0-9-]+$/);
    const comments = await runSql(
      database.url,
      `SELECT u.name, c.status FROM "Comment" c JOIN "User" u ON u.id = c."userId" WHERE c."postId" = $1`,
      [entry.rows[0].id],
    );
    expect(comments.rows).toEqual([{ name: "Annie Johnson", status: "VISIBLE" }]);

    const users = await runSql(database.url, `SELECT email, role, "passwordHash" FROM "User" ORDER BY role DESC, email`);
    expect(users.rows.map((row) => [row.email, row.role])).toEqual([
      [demoAccounts.author.email, "ADMIN"],
      [demoAccounts.reader1.email, "READER"],
      [demoAccounts.reader2.email, "READER"],
    ]);
    for (const row of users.rows) expect(row.passwordHash).toMatch(/^\$argon2id\$/);

    const settings = await runSql(database.url, `SELECT "blogTitle", "timeZone" FROM "Setting"`);
    expect(settings.rows).toEqual([{ blogTitle: "Notes from the Reading Room", timeZone: "Europe/London" }]);
  });

  test("does nothing the second time, or to any blog that already has posts", async () => {
    const count = async (table: string) => (await runSql(database.url, `SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
    const before = { posts: await count("Post"), comments: await count("Comment"), users: await count("User") };
    expect(before.posts).toBeGreaterThan(0);

    const again = await seedDatabase(database.url);

    expect(again).toEqual({ seeded: false, reason: `the database already has ${before.posts} posts` });
    expect({ posts: await count("Post"), comments: await count("Comment"), users: await count("User") }).toEqual(before);
  });

  test("stored HTML went through the allowlist", async () => {
    const unsafe = await runSql(
      database.url,
      `SELECT count(*)::int AS n FROM "Post" WHERE "bodyHtml" ~* '<script|\\son[a-z]+=|javascript:|style='`,
    );
    expect(unsafe.rows[0].n).toBe(0);
  });
});
