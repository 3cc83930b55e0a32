import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createPrismaClient } from "../scripts/lib/prisma";
import { runSql, withMigratedDatabase } from "./support/databases";
import { asVersion1, emptyBlogs, exportJsonText, restoreJsonText } from "./support/longhand-json";

// What version 2 of the Longhand JSON export added (authors' page addresses, bios and notice
// choices; comment subscriptions; the blog's looks are in transfer-json-looks.test.ts), on real
// PostgreSQL: a small blog whose author renamed herself (her page moved from her name's slug),
// moved into other blogs through files of either version.
const source = withMigratedDatabase();
const blogs = emptyBlogs();
let sourceDb: PrismaClient;
let version2: string;
let ImportFileError: typeof import("../lib/transfer/records").ImportFileError;

beforeAll(async () => {
  ImportFileError = (await import("../lib/transfer/records")).ImportFileError;
  sourceDb = createPrismaClient(source.url);
  await sourceDb.setting.create({ data: { blogTitle: "The Reading Room" } });
  const author = await sourceDb.user.create({
    data: { name: "Maggie Ellery", email: "maggie@example.com", slug: "maggie", bio: "Reads in the attic.", commentNotices: false, role: "AUTHOR" },
  });
  await sourceDb.user.create({ data: { name: "Annie Johnson", email: "annie@example.com", slug: "annie-johnson" } });
  const post = await sourceDb.post.create({
    data: { title: "On shelves", slug: "on-shelves", permalink: "/2012/03/on-shelves", bodyHtml: "<p>Tall ones.</p>", status: "PUBLISHED", publishedAt: new Date("2012-03-03T12:00:00.000Z"), authorId: author.id },
  });
  await sourceDb.commentSubscription.create({ data: { postId: post.id, email: "annie@example.com" } });
  // As the rename from the name's slug left it.
  await sourceDb.redirect.create({ data: { fromPath: "/profile/maggie-ellery", toPath: "/profile/maggie" } });
  version2 = (await exportJsonText(sourceDb, new Date("2026-11-29T10:00:00.000Z"))).text;
});

afterAll(async () => {
  await sourceDb?.$disconnect();
  await blogs.dropAll();
});

const emptyBlog = blogs.create;

async function accounts(db: PrismaClient) {
  return db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, slug: true, bio: true, commentNotices: true } });
}

describe("a version 2 file", () => {
  test("keeps the author's page address, bio and notice choice, and the subscriptions", async () => {
    const { url, db } = await emptyBlog();
    const report = await restoreJsonText(url, version2);
    expect(report.counts.subscriptions.created).toBe(1);
    expect(await accounts(db)).toEqual([
      { email: "annie@example.com", slug: "annie-johnson", bio: "", commentNotices: true },
      { email: "maggie@example.com", slug: "maggie", bio: "Reads in the attic.", commentNotices: false },
    ]);
    expect(await db.commentSubscription.findMany({ select: { email: true, unsubscribedAt: true } })).toEqual([{ email: "annie@example.com", unsubscribedAt: null }]);
    await db.$disconnect();
  });

  test("whose page address another account here holds: the new account gets the next free one, an account already here keeps its own", async () => {
    const { url, db } = await emptyBlog(async (db) => {
      await db.user.create({ data: { name: "Maggie Other", email: "other@example.com", slug: "maggie" } });
      await db.user.create({ data: { name: "Annie J", email: "annie@example.com", slug: "annie-j", bio: "Here first." } });
    });
    const report = await restoreJsonText(url, version2);
    expect(report.counts.authors).toMatchObject({ created: 1, unchanged: 1, skipped: 0 });
    expect(report.items).toContainEqual({ kind: "authors", what: "account maggie@example.com", why: "another account here has the author page /profile/maggie, so this one's is /profile/maggie-2" });
    expect(await accounts(db)).toEqual([
      { email: "annie@example.com", slug: "annie-j", bio: "Here first.", commentNotices: true },
      { email: "maggie@example.com", slug: "maggie-2", bio: "Reads in the attic.", commentNotices: false },
      { email: "other@example.com", slug: "maggie", bio: "", commentNotices: true },
    ]);
    const post = await db.post.findFirstOrThrow({ select: { author: { select: { email: true } } } });
    expect(post.author.email).toBe("maggie@example.com");
    // The old address leads to her page here, not to the other Maggie's.
    expect(await db.redirect.findMany({ select: { fromPath: true, toPath: true } })).toEqual([{ fromPath: "/profile/maggie-ellery", toPath: "/profile/maggie-2" }]);
    await db.$disconnect();
  });

  test("with a page address that is not a slug is refused, naming it, and changes nothing", async () => {
    const { url, db } = await emptyBlog();
    const document = JSON.parse(version2);
    document.users[1].slug = "Annie Johnson!";
    const refusal = restoreJsonText(url, JSON.stringify(document));
    await expect(refusal).rejects.toBeInstanceOf(ImportFileError);
    await expect(refusal).rejects.toThrow("users[1].slug must be lowercase letters and digits with single hyphens between them (such as maggie-stone)");
    // The settings come before the users in the file: they were written, and are gone again.
    const rows = await runSql(url, `SELECT (SELECT count(*) FROM "Setting")::int AS settings, (SELECT count(*) FROM "User")::int AS users`);
    expect(rows.rows[0]).toEqual({ settings: 0, users: 0 });
    await db.$disconnect();
  });
});

describe("a version 1 file", () => {
  test("still imports: page addresses made from names, no bio, notices on", async () => {
    const { url, db } = await emptyBlog();
    const report = await restoreJsonText(url, asVersion1(version2));
    expect(report.counts.posts.created).toBe(1);
    expect(report.settingsChanged).toContain("blogTitle");
    expect(await accounts(db)).toEqual([
      { email: "annie@example.com", slug: "annie-johnson", bio: "", commentNotices: true },
      { email: "maggie@example.com", slug: "maggie-ellery", bio: "", commentNotices: true },
    ]);
    expect(await db.commentSubscription.count()).toBe(0);
    await db.$disconnect();
  });

  test("with the fields version 2 added is refused by name", async () => {
    const { url, db } = await emptyBlog();
    const document = JSON.parse(asVersion1(version2));
    document.users[0].bio = "Written by a newer Longhand?";
    await expect(restoreJsonText(url, JSON.stringify(document))).rejects.toThrow("users[0] has a field the format does not have: bio");
    await db.$disconnect();
  });
});
