import { beforeAll, describe, expect, test } from "vitest";
import { seedDatabase } from "../scripts/lib/demo-content";
import { withMigratedDatabase } from "./support/databases";
import { addHiddenPosts } from "./support/reader-fixtures";
import { runSql } from "./support/sql";

// Where old addresses of an imported blog lead, looked up in the demo blog's database with the
// Redirect rows an import leaves behind.
const database = withMigratedDatabase();
let resolve: (url: string) => Promise<string | null>;

const TOOL_6 = "/2011/09/tool-6-i-have-joined-a-professional-networking-site";
const COMMENTED_AT = "2011-09-10T08:15:42.123Z";

beforeAll(async () => {
  await seedDatabase(database.url);
  await addHiddenPosts(database.url);
  await runSql(
    database.url,
    `INSERT INTO "Redirect" (id, "fromPath", "toPath") VALUES
       ('r1', '/?p=123', '${TOOL_6}'),
       ('r2', '/?page_id=45', '/p/about'),
       ('r3', '/2011/09/08/tool-6', '${TOOL_6}'),
       ('r4', '/category/books/poetry/sonnets', '/label/sonnets'),
       ('r5', '/category/%E6%97%A5%E6%9C%AC%E3%81%AE%E6%9C%AC', '/label/nihon'),
       ('r6', '/?p=666', '//evil.example/phish'),
       ('r7', '/?p=667', 'https://evil.example/phish'),
       ('r8', '/2011/09/tool-6.html', '${TOOL_6}')`,
  );
  await runSql(
    database.url,
    `INSERT INTO "Comment" (id, "postId", "authorName", "bodyHtml", status, "createdAt", "idempotencyKey")
     SELECT v.id, p.id, 'Pat Guest', '<p>Old comment.</p>', v.status::"CommentStatus", v.at::timestamp, v.id
       FROM "Post" p, (VALUES ('imported-comment', 'VISIBLE', $1), ('held-comment', 'PENDING', '2011-09-11T09:00:00.500Z')) AS v(id, status, at)
      WHERE p.permalink = $2`,
    [COMMENTED_AT, TOOL_6],
  );
  // lib/db.ts connects to DATABASE_URL on first import.
  process.env.DATABASE_URL = database.url;
  const { legacyAddressOf } = await import("../lib/legacy-addresses");
  const { resolveLegacyAddress } = await import("../lib/queries/legacy-addresses");
  resolve = async (url) => {
    const parsed = new URL(url, "http://blog.test");
    const address = legacyAddressOf(parsed.pathname, parsed.searchParams);
    return address ? resolveLegacyAddress(address, new Date()) : null;
  };
});

describe("old addresses in the Redirect table", () => {
  test("WordPress's ?p= and ?page_id=, day-and-name permalinks and deep categories lead where the import said", async () => {
    expect(await resolve("/?p=123")).toBe(TOOL_6);
    expect(await resolve("/?page_id=45")).toBe("/p/about");
    expect(await resolve("/2011/09/08/tool-6")).toBe(TOOL_6);
    expect(await resolve("/category/books/poetry/sonnets")).toBe("/label/sonnets");
  });

  test("a path stored percent-encoded is found from its decoded form", async () => {
    const { resolveLegacyAddress } = await import("../lib/queries/legacy-addresses");
    const { redirectLookupPaths } = await import("../lib/legacy-addresses");
    expect(await resolveLegacyAddress({ kind: "redirect", paths: redirectLookupPaths("/category/日本の本") }, new Date())).toBe("/label/nihon");
  });

  test("a day-and-name permalink without a row finds the one visible post with its slug", async () => {
    expect(await resolve("/2011/09/09/tool-6-i-have-joined-a-professional-networking-site")).toBe(TOOL_6);
    expect(await resolve("/2012/12/30/hidden-draft")).toBeNull();
    expect(await resolve("/?p=124")).toBeNull();
  });

  test("a row pointing off the site is refused", async () => {
    expect(await resolve("/?p=666")).toBeNull();
    expect(await resolve("/?p=667")).toBeNull();
  });
});

describe("Blogger's ?showComment= and WordPress's post feeds", () => {
  test("showComment names the visible comment made at that millisecond, else just the post", async () => {
    const at = Date.parse(COMMENTED_AT);
    expect(await resolve(`${TOOL_6}?showComment=${at}`)).toBe(`${TOOL_6}#cimported-comment`);
    expect(await resolve(`${TOOL_6}?showComment=${at + 1}`)).toBe(TOOL_6);
    expect(await resolve(`${TOOL_6}?showComment=${Date.parse("2011-09-11T09:00:00.500Z")}`)).toBe(TOOL_6);
  });

  test("showComment on an old path of the post follows its Redirect row", async () => {
    expect(await resolve(`/2011/09/tool-6.html?showComment=${Date.parse(COMMENTED_AT)}`)).toBe(`${TOOL_6}#cimported-comment`);
  });

  test("a hidden post's address leads nowhere", async () => {
    expect(await resolve(`/2012/12/hidden-draft?showComment=1`)).toBeNull();
    expect(await resolve(`/2012/12/hidden-draft/feed`)).toBeNull();
  });

  test("a post's /feed is its comments feed", async () => {
    const [post] = (await runSql(database.url, `SELECT id FROM "Post" WHERE permalink = $1`, [TOOL_6])).rows as { id: string }[];
    expect(await resolve(`${TOOL_6}/feed`)).toBe(`/feeds/${post!.id}/comments/default`);
  });
});
