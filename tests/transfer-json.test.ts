import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createPrismaClient } from "../scripts/lib/prisma";
import { seedDatabase } from "../scripts/lib/demo-content";
import { createTestDatabase, runSql, withMigratedDatabase, type TestDatabase } from "./support/databases";
import { checkAgainstSchema, exportJsonText, restoreJsonText } from "./support/longhand-json";

// The Longhand JSON export and its restore, on real PostgreSQL: a seeded blog with every kind of
// row goes out, is checked against the published JSON Schema, comes back into an empty blog, and
// goes out again the same.
const source = withMigratedDatabase();
let target: TestDatabase;
let sourceDb: PrismaClient;
let targetDb: PrismaClient;
let uploadsFolder: string;
let ImportFileError: typeof import("../lib/transfer/records").ImportFileError;
let LocalFolderStorage: typeof import("../lib/uploads/storage").LocalFolderStorage;

const firstExportTime = new Date("2026-11-29T10:00:00.000Z");

beforeAll(async () => {
  ImportFileError = (await import("../lib/transfer/records")).ImportFileError;
  LocalFolderStorage = (await import("../lib/uploads/storage")).LocalFolderStorage;
  uploadsFolder = await mkdtemp(path.join(tmpdir(), "longhand-json-uploads-"));
  target = await createTestDatabase({ migrated: true });
  await seedDatabase(source.url);
  sourceDb = createPrismaClient(source.url);
  targetDb = createPrismaClient(target.url);
  await addEveryKindOfRow(sourceDb);
});

afterAll(async () => {
  await sourceDb?.$disconnect();
  await targetDb?.$disconnect();
  await target?.drop();
  await rm(uploadsFolder, { recursive: true, force: true });
});

/**
 * What the demo blog lacks: a draft, a scheduled post, a trashed post with a revision, replies and
 * comments in every state, readers subscribed to comments (one since unsubscribed), an author who
 * turned comment notices off, a redirect, an upload, labels in other scripts.
 */
async function addEveryKindOfRow(db: PrismaClient) {
  const author = await db.user.findUniqueOrThrow({ where: { email: "maggie@example.com" } });
  const reader = await db.user.findUniqueOrThrow({ where: { email: "annie@example.com" } });
  const ampersand = await db.label.create({ data: { name: "Books & Reading", slug: "books-reading" } });
  const greek = await db.label.create({ data: { name: "Ελληνικά", slug: "ellinika" } });
  const japanese = await db.label.create({ data: { name: "読書会", slug: "dokushokai" } });
  await db.post.create({ data: { title: "Half a thought about index cards", slug: "index-cards", bodyHtml: "<p>Not finished.</p>", authorId: author.id, labels: { create: [{ labelId: ampersand.id }] } } });
  await db.post.create({
    data: {
      title: "Μια σημείωση για τα βιβλία",
      slug: "mia-simeiosi",
      permalink: "/2030/01/mia-simeiosi",
      bodyHtml: "<p>Γράφτηκε νωρίς.</p>",
      status: "SCHEDULED",
      publishedAt: new Date("2030-01-05T08:00:00.000Z"),
      authorId: author.id,
      labels: { create: [{ labelId: greek.id }, { labelId: japanese.id }] },
    },
  });
  await db.post.create({
    data: {
      title: "The shelf that fell down",
      slug: "the-shelf-that-fell-down",
      permalink: "/2012/03/the-shelf-that-fell-down",
      bodyHtml: "<p>It was the shelf, not me.</p>",
      excerpt: "A shelf, briefly.",
      status: "PUBLISHED",
      publishedAt: new Date("2012-03-03T12:00:00.000Z"),
      trashedAt: new Date("2012-04-01T09:30:00.000Z"),
      commentsOpen: false,
      authorId: author.id,
      revisions: { create: [{ title: "The shelf", bodyHtml: "<p>Draft of the shelf.</p>", authorId: author.id, kind: "EDIT", createdAt: new Date("2012-03-02T12:00:00.000Z") }] },
    },
  });
  const post = await db.post.findFirstOrThrow({ where: { status: "PUBLISHED", trashedAt: null }, orderBy: { publishedAt: "desc" } });
  const question = await db.comment.create({ data: { postId: post.id, userId: reader.id, bodyHtml: "<p>Which shelf?</p>", idempotencyKey: "test:question" } });
  await db.comment.create({ data: { postId: post.id, parentId: question.id, userId: author.id, bodyHtml: "<p>The tall one &amp; the short one.</p>", idempotencyKey: "test:reply" } });
  await db.comment.create({ data: { postId: post.id, authorName: "A passer-by", authorUrl: "https://example.org/", authorEmail: "passer@example.org", bodyHtml: "<p>Waiting.</p>", status: "PENDING", idempotencyKey: "test:pending" } });
  await db.comment.create({ data: { postId: post.id, authorName: "Cheap watches", bodyHtml: "<p>Buy now</p>", status: "SPAM", idempotencyKey: "test:spam" } });
  await db.comment.create({ data: { postId: post.id, userId: reader.id, bodyHtml: "<p>Oops.</p>", status: "DELETED", removedBy: "AUTHOR", idempotencyKey: "test:deleted" } });
  await db.commentSubscription.create({ data: { postId: post.id, email: "passer@example.org", createdAt: new Date("2026-10-01T09:00:00.000Z") } });
  await db.commentSubscription.create({ data: { postId: post.id, email: "gone@example.org", createdAt: new Date("2026-10-02T09:00:00.000Z"), unsubscribedAt: new Date("2026-10-20T18:30:00.000Z") } });
  await db.user.update({ where: { id: author.id }, data: { commentNotices: false } });
  await db.redirect.create({ data: { fromPath: "/2011/09/old-name.html", toPath: post.permalink! } });
  const upload = await db.upload.create({ data: { storageKey: "2026/11/0a1b2c3d4e5f60718293.png", mimeType: "image/png", byteSize: 2048, width: 1200, height: 800, originalName: "reading room.png", widths: [480, 960], uploaderId: author.id } });
  // A featured image: posts come before uploads in the file, so the restore sets it last.
  await db.post.updateMany({ where: { slug: "the-shelf-that-fell-down" }, data: { featuredImageId: upload.id } });
}

const restore = (databaseUrl: string, text: string) => restoreJsonText(databaseUrl, text, new LocalFolderStorage(uploadsFolder));

const withoutExportedAt = (text: string) => text.replace(/^ {2}"exportedAt": ".*",$/m, "");

async function rowCounts(url: string) {
  const result = await runSql(
    url,
    `SELECT (SELECT count(*) FROM "Post")::int AS posts, (SELECT count(*) FROM "Comment")::int AS comments, (SELECT count(*) FROM "User")::int AS users,
            (SELECT count(*) FROM "PostRevision")::int AS revisions, (SELECT string_agg(title, '|' ORDER BY id) FROM "Post") AS titles`,
  );
  return result.rows[0];
}

describe("export", () => {
  test("is valid against the published JSON Schema, holds every kind of row, and never a password", async () => {
    const { text } = await exportJsonText(sourceDb, firstExportTime);
    const document = JSON.parse(text);
    const { valid, errors } = await checkAgainstSchema(document);
    expect(valid, errors).toBe(true);

    expect(Object.keys(document)).toEqual(["format", "version", "exportedAt", "settings", "appearance", "users", "labels", "posts", "pages", "comments", "commentSubscriptions", "redirects", "uploads", "gadgets"]);
    expect(document.version).toBe(2);
    expect(document.users.find((user: { email: string }) => user.email === "maggie@example.com")).toMatchObject({ slug: "maggie-ellery", bio: expect.stringMatching(/\S/), commentNotices: false });
    expect(document.commentSubscriptions).toHaveLength(2);
    expect(document.commentSubscriptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: "passer@example.org", unsubscribedAt: null }),
        expect.objectContaining({ email: "gone@example.org", unsubscribedAt: "2026-10-20T18:30:00.000Z" }),
      ]),
    );
    expect(document.exportedAt).toBe("2026-11-29T10:00:00.000Z");
    expect(document.posts.filter((post: { featuredImageId: string | null }) => post.featuredImageId !== null)).toHaveLength(1);
    expect(text).not.toMatch(/passwordHash|argon2/);
    expect(document.labels.map((label: { name: string }) => label.name)).toEqual(expect.arrayContaining(["Books & Reading", "Ελληνικά", "読書会"]));
    expect(new Set(document.posts.map((post: { status: string }) => post.status))).toEqual(new Set(["DRAFT", "SCHEDULED", "PUBLISHED"]));
    const trashed = document.posts.find((post: { title: string }) => post.title === "The shelf that fell down");
    expect(trashed).toMatchObject({ trashedAt: "2012-04-01T09:30:00.000Z", commentsOpen: false, revisions: [{ title: "The shelf", kind: "EDIT" }] });
    expect(new Set(document.comments.map((comment: { status: string }) => comment.status))).toEqual(new Set(["VISIBLE", "PENDING", "SPAM", "DELETED"]));
    expect(document.comments.find((comment: { idempotencyKey: string }) => comment.idempotencyKey === "test:pending")).toMatchObject({ authorEmail: "passer@example.org" });
    expect(document.uploads).toEqual([expect.objectContaining({ storageKey: "2026/11/0a1b2c3d4e5f60718293.png", widths: [480, 960] })]);
    // One element per line, so two exports diff line by line.
    expect(text.split("\n").length).toBeGreaterThan(document.posts.length + document.comments.length);
  });

  test("of the same blog twice differs only in exportedAt", async () => {
    const first = await exportJsonText(sourceDb, firstExportTime);
    const second = await exportJsonText(sourceDb, new Date("2026-11-30T10:00:00.000Z"));
    expect(second.text).not.toBe(first.text);
    expect(withoutExportedAt(second.text)).toBe(withoutExportedAt(first.text));
  });
});

describe("restore", () => {
  let file: string;
  beforeAll(async () => {
    file = (await exportJsonText(sourceDb, firstExportTime)).text;
  });

  test("into an empty blog, then exported again, gives the same file apart from exportedAt", async () => {
    const document = JSON.parse(file);
    const report = await restore(target.url, file);
    expect(report.counts.posts).toEqual({ created: document.posts.length, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.counts.comments).toEqual({ created: document.comments.length, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.counts.authors.created).toBe(3);
    expect(report.counts.labels.created).toBe(document.labels.length);
    expect(report.counts.redirects.created).toBe(1);
    expect(report.counts.images.created).toBe(1);
    expect(report.counts.subscriptions.created).toBe(2);
    expect(report.settingsChanged).toContain("blogTitle");
    // The upload's file was not copied into this blog's folder: kept, and said so.
    expect(report.items).toContainEqual(expect.objectContaining({ kind: "images", why: expect.stringContaining("not in this blog's uploads store") }));

    const again = await exportJsonText(targetDb, new Date("2026-12-01T08:00:00.000Z"));
    expect(withoutExportedAt(again.text)).toBe(withoutExportedAt(file));
    const reply = await runSql(target.url, `SELECT p."idempotencyKey" AS parent FROM "Comment" c JOIN "Comment" p ON p.id = c."parentId" WHERE c."idempotencyKey" = 'test:reply'`);
    expect(reply.rows).toEqual([{ parent: "test:question" }]);
    const accounts = await runSql(target.url, `SELECT count(*)::int AS n FROM "User" WHERE "passwordHash" IS NOT NULL`);
    expect(accounts.rows[0].n).toBe(0);
    // Each restored account gets its author page address, made from its name and unique.
    const slugs = await runSql(target.url, `SELECT count(*)::int AS accounts, count(DISTINCT slug)::int AS slugs FROM "User"`);
    expect(slugs.rows[0]).toEqual({ accounts: 3, slugs: 3 });
    // Version 2 carries the author's page, bio and notice choice, and who left the subscriptions.
    const maggie = await targetDb.user.findUniqueOrThrow({ where: { email: "maggie@example.com" } });
    const original = await sourceDb.user.findUniqueOrThrow({ where: { email: "maggie@example.com" } });
    expect(maggie).toMatchObject({ slug: original.slug, bio: original.bio, commentNotices: false });
    const gone = await targetDb.commentSubscription.findFirstOrThrow({ where: { email: "gone@example.org" } });
    expect(gone.unsubscribedAt).toEqual(new Date("2026-10-20T18:30:00.000Z"));
  });

  test("of the same file again changes nothing, and the report says so", async () => {
    const report = await restore(target.url, file);
    expect(report.unchanged).toBe(true);
    const document = JSON.parse(file);
    expect(report.counts.posts).toEqual({ created: 0, updated: 0, unchanged: document.posts.length, skipped: 0 });
    expect(report.counts.comments).toEqual({ created: 0, updated: 0, unchanged: document.comments.length, skipped: 0 });
    expect(report.counts.authors).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect(report.counts.subscriptions).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(report.settingsChanged).toEqual([]);
  });

  test("of a newer export updates the post that was edited and adds the new one", async () => {
    const edited = await sourceDb.post.findFirstOrThrow({ where: { status: "PUBLISHED", trashedAt: null }, orderBy: { id: "asc" } });
    await sourceDb.post.update({ where: { id: edited.id }, data: { title: `${edited.title} (revised)`, version: { increment: 1 } } });
    const author = await sourceDb.user.findUniqueOrThrow({ where: { email: "maggie@example.com" } });
    await sourceDb.post.create({ data: { title: "A new arrival", slug: "a-new-arrival", permalink: "/2012/06/a-new-arrival", bodyHtml: "<p>New.</p>", status: "PUBLISHED", publishedAt: new Date("2012-06-01T10:00:00.000Z"), authorId: author.id } });
    const newer = (await exportJsonText(sourceDb, new Date("2026-12-02T08:00:00.000Z"))).text;

    const report = await restore(target.url, newer);
    expect(report.counts.posts).toMatchObject({ created: 1, updated: 1, skipped: 0 });
    expect(report.counts.comments).toMatchObject({ created: 0, updated: 0 });
    const titles = await runSql(target.url, `SELECT title FROM "Post" WHERE id = $1`, [edited.id]);
    expect(titles.rows).toEqual([{ title: `${edited.title} (revised)` }]);
    expect(withoutExportedAt((await exportJsonText(targetDb, new Date())).text)).toBe(withoutExportedAt(newer));
  });

  test("refuses a file with a bad element, naming the section and index, and changes nothing", async () => {
    const document = JSON.parse(file);
    document.posts[2].status = "LIVE";
    document.posts[0].title = "Changed before the bad element";
    const before = await rowCounts(target.url);
    const refusal = restore(target.url, JSON.stringify(document));
    await expect(refusal).rejects.toBeInstanceOf(ImportFileError);
    await expect(refusal).rejects.toThrow("posts[2].status must be DRAFT, SCHEDULED or PUBLISHED");
    expect(await rowCounts(target.url)).toEqual(before);
  });

  test("refuses a missing field and an unknown one by name", async () => {
    const document = JSON.parse(file);
    delete document.comments[1].bodyHtml;
    await expect(restore(target.url, JSON.stringify(document))).rejects.toThrow("comments[1].bodyHtml is missing");
    const other = JSON.parse(file);
    other.labels[0].colour = "red";
    await expect(restore(target.url, JSON.stringify(other))).rejects.toThrow(/labels\[0\] has a field the format does not have: colour/);
  });

  test("refuses a truncated or broken file, saying where it stops, and changes nothing", async () => {
    const before = await rowCounts(target.url);
    const cut = file.slice(0, Math.floor(file.length * 0.6));
    const cutLines = cut.split("\n");
    const where = `(line ${cutLines.length}, column ${cutLines.at(-1)!.length + 1})`;
    await expect(restore(target.url, cut)).rejects.toThrow(new RegExp(`^The file ends too soon, near posts\\[\\d+\\]: it is cut off .* \\${where.slice(0, -1)}\\)$`));
    const cutAfterAComma = file.slice(0, file.indexOf("\n", file.indexOf('"comments": [') + 20) + 1);
    await expect(restore(target.url, cutAfterAComma)).rejects.toThrow(/^The file ends too soon, near comments\[1\]: it is cut off/);
    const lines = file.split("\n");
    const broken = lines.map((line, index) => (index === lines.indexOf('  "comments": [') + 3 ? line.replace('","', '";"') : line)).join("\n");
    await expect(restore(target.url, broken)).rejects.toThrow("The file is not valid JSON at comments[2]: expected ','.");
    expect(await rowCounts(target.url)).toEqual(before);
  });

  test("refuses JSON that is not a Longhand export", async () => {
    await expect(restore(target.url, JSON.stringify({ version: "1.0", posts: [] }))).rejects.toThrow('This is not a Longhand export: it does not start with "format": "longhand-export".');
    await expect(restore(target.url, file.replace('"version": 2', '"version": 3'))).rejects.toThrow("from a newer Longhand (format version 3); this one reads versions up to 2.");
  });

  test("sanitizes hostile HTML in a post, a page and a comment", async () => {
    const document = JSON.parse(file);
    const post = document.posts[0];
    post.bodyHtml = `<p onclick="steal()">Hello<script>alert(1)</script><img src="javascript:alert(2)" onerror="alert(3)"></p><a href="javascript:alert(4)">link</a>`;
    document.pages[0].bodyHtml = `<iframe src="https://evil.example/"></iframe><p>About</p>`;
    document.comments[0].bodyHtml = `<p>Hi<script>alert(5)</script></p>`;
    await restore(target.url, JSON.stringify(document));
    const stored = await runSql(
      target.url,
      `SELECT (SELECT "bodyHtml" FROM "Post" WHERE id = $1) AS post, (SELECT "bodyHtml" FROM "Page" WHERE id = $2) AS page, (SELECT "bodyHtml" FROM "Comment" WHERE id = $3) AS comment`,
      [post.id, document.pages[0].id, document.comments[0].id],
    );
    const { post: postHtml, page: pageHtml, comment: commentHtml } = stored.rows[0];
    expect(postHtml).toContain("Hello");
    expect(`${postHtml}${pageHtml}${commentHtml}`).not.toMatch(/<script|onclick|onerror|javascript:|<iframe/i);
    expect(pageHtml).toBe("<p>About</p>");
  });

  test("skips a post whose address another post here already has, and says so", async () => {
    const document = JSON.parse(file);
    const taken = document.posts.find((post: { permalink: string | null }) => post.permalink !== null);
    const intruder = { ...taken, id: "intruder-post", title: "Same address, other post", revisions: [] };
    document.posts.push(intruder);
    const report = await restore(target.url, JSON.stringify(document));
    expect(report.counts.posts.skipped).toBe(1);
    expect(report.items).toContainEqual({ kind: "posts", what: "post “Same address, other post”", why: `another post here already has the address ${taken.permalink}` });
    const intruders = await runSql(target.url, `SELECT count(*)::int AS n FROM "Post" WHERE id = 'intruder-post'`);
    expect(intruders.rows[0].n).toBe(0);
  });
});

describe("a bigger blog", () => {
  test("is exported as a stream of many chunks, read a batch at a time", async () => {
    const author = await sourceDb.user.findUniqueOrThrow({ where: { email: "maggie@example.com" } });
    await sourceDb.post.createMany({
      data: Array.from({ length: 600 }, (_, index) => ({ id: `bulk-${String(index).padStart(4, "0")}`, title: `Bulk post ${index}`, slug: `bulk-${index}`, bodyHtml: `<p>Entry ${index}.</p>`, authorId: author.id })),
    });
    const { text, chunks } = await exportJsonText(sourceDb, firstExportTime);
    const posts = JSON.parse(text).posts as { id: string }[];
    expect(posts.length).toBeGreaterThan(600);
    expect(chunks).toBeGreaterThan(posts.length);
    // In id order across batches of 500: no post twice, none missing.
    const ids = posts.map((post) => post.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
