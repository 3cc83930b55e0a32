import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, withMigratedDatabase } from "./support/databases";
import { runSql } from "./support/sql";

// The import engine against PostgreSQL, with the fixture exports in tests/fixtures/import/: what
// arrives, importing twice, a newer export, and files that must change nothing.
const database = withMigratedDatabase();
const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", "import", name);
let importFile: typeof import("../lib/transfer/import/run").importFile;
let ImportFileError: typeof import("../lib/transfer/records").ImportFileError;
let scratch: string;

beforeAll(async () => {
  ({ importFile } = await import("../lib/transfer/import/run"));
  ({ ImportFileError } = await import("../lib/transfer/records"));
  scratch = await mkdtemp(path.join(tmpdir(), "longhand-import-"));
  await runSql(database.url, `INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ('admin-1', 'Iris Admin', 'iris@example.com', 'ADMIN', now())`);
});

const sql = async <Row>(text: string, values: unknown[] = []) => (await runSql(database.url, text, values)).rows as Row[];

/** Every table an import writes, as one comparable snapshot. */
async function snapshot() {
  const tables = ["User", "Post", "Page", "Label", "PostLabel", "Comment", "Redirect", "Setting", "PostRevision"];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await sql(`SELECT * FROM "${table}" ORDER BY 1, 2`);
  return rows;
}

async function writeScratch(name: string, text: string) {
  const file = path.join(scratch, name);
  await writeFile(file, text);
  return file;
}

describe("a Blogger classic export", () => {
  test("arrives whole: posts at their old addresses, labels, drafts, pages, threaded comments, settings", async () => {
    const report = await importFile({ databaseUrl: database.url, filePath: fixture("blogger-classic.xml") });
    expect(report.format).toBe("blogger");
    expect(report.unchanged).toBe(false);
    expect(report.counts.posts.created).toBeGreaterThanOrEqual(2);

    const [post] = await sql<{ id: string; title: string; status: string; bodyHtml: string }>(
      `SELECT id, title, status, "bodyHtml" FROM "Post" WHERE permalink = '/2011/09/lantern-ledger-and-long-night'`,
    );
    expect(post?.title).toBe("A lantern, a ledger & a long night");
    expect(post?.status).toBe("PUBLISHED");
    // The one sanitizer ran on the way in.
    expect(post?.bodyHtml).not.toMatch(/javascript:|<script|onerror/i);
    // Authors new here have an author page address made from their name.
    const created = await sql<{ name: string; slug: string | null }>(`SELECT name, slug FROM "User" WHERE id <> 'admin-1' ORDER BY name`);
    expect(created).toEqual([{ name: "Pim Halloway", slug: "pim-halloway" }]);

    const drafts = await sql<{ title: string; permalink: string | null }>(`SELECT title, permalink FROM "Post" WHERE status = 'DRAFT'`);
    expect(drafts.map((draft) => draft.title)).toContain("Half a thought about marginalia");
    expect(drafts.every((draft) => draft.permalink === null)).toBe(true);

    const comments = await sql<{ id: string; parentId: string | null; authorName: string | null; status: string }>(
      `SELECT id, "parentId", "authorName", status FROM "Comment" WHERE "postId" = $1 ORDER BY "createdAt"`,
      [post!.id],
    );
    expect(comments.length).toBeGreaterThanOrEqual(2);
    const reply = comments.find((comment) => comment.parentId !== null);
    expect(reply && comments.some((comment) => comment.id === reply.parentId)).toBe(true);

    const [page] = await sql<{ slug: string; status: string }>(`SELECT slug, status FROM "Page" WHERE "importKey" IS NOT NULL`);
    expect(page).toEqual({ slug: "about", status: "PUBLISHED" });
    const redirects = await sql<{ fromPath: string; toPath: string }>(`SELECT "fromPath", "toPath" FROM "Redirect"`);
    expect(redirects).toContainEqual({ fromPath: "/p/about.html", toPath: "/p/about" });

    const [settings] = await sql<{ blogTitle: string }>(`SELECT "blogTitle" FROM "Setting"`);
    expect(settings?.blogTitle).toBe("The Lantern Shelf");
    expect(report.items.some((item) => item.what === "template")).toBe(true);
  });

  test("imported again, changes nothing and says so", async () => {
    const before = await snapshot();
    const report = await importFile({ databaseUrl: database.url, filePath: fixture("blogger-classic.xml") });
    expect(report.unchanged).toBe(true);
    expect(report.counts.posts.created + report.counts.posts.updated).toBe(0);
    expect(report.counts.comments.created + report.counts.comments.updated).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  test("a newer export updates what changed and adds what is new", async () => {
    const original = await readFile(fixture("blogger-classic.xml"), "utf8");
    const newer = original
      .replace("A lantern, a ledger &amp; a long night", "A lantern, a ledger &amp; a longer night")
      .replace("</feed>", `<entry><id>tag:blogger.com,1999:blog-7700112233445566778.post-9900000000000000001</id><published>2012-01-05T09:00:00.000Z</published><updated>2012-01-05T09:00:00.000Z</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>New year, new shelf</title><content type='html'>&lt;p&gt;Fresh boards.&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://lanternshelf.blogspot.com/2012/01/new-year-new-shelf.html'/><author><name>Wren</name></author></entry></feed>`);
    const report = await importFile({ databaseUrl: database.url, filePath: await writeScratch("newer.xml", newer) });
    expect(report.counts.posts).toMatchObject({ created: 1, updated: 1 });
    const titles = await sql<{ title: string }>(`SELECT title FROM "Post" WHERE permalink IN ('/2011/09/lantern-ledger-and-long-night', '/2012/01/new-year-new-shelf') ORDER BY permalink`);
    expect(titles.map((row) => row.title)).toEqual(["A lantern, a ledger & a longer night", "New year, new shelf"]);
    const [revisions] = await sql<{ count: string }>(`SELECT count(*) FROM "PostRevision" r JOIN "Post" p ON p.id = r."postId" WHERE p.permalink = '/2011/09/lantern-ledger-and-long-night'`);
    expect(Number(revisions?.count)).toBe(2);
  });
});

describe("an export that repeats itself", () => {
  test("the same entry twice in one file is one post, as the later copy says", async () => {
    const entry = (title: string) =>
      `<entry><id>tag:blogger.com,1999:blog-555.post-1</id><published>2012-02-01T10:00:00Z</published><updated>2012-02-01T10:00:00Z</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>${title}</title><content type='html'>&lt;p&gt;Twice.&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://twice.blogspot.com/2012/02/twice-told.html'/><author><name>Iris</name></author></entry>`;
    const file = await writeScratch("twice.xml", `<feed xmlns='http://www.w3.org/2005/Atom'>${entry("First telling")}${entry("Second telling")}</feed>`);
    const report = await importFile({ databaseUrl: database.url, filePath: file });
    expect(report.counts.posts.created).toBe(1);
    const rows = await sql<{ title: string }>(`SELECT title FROM "Post" WHERE permalink = '/2012/02/twice-told'`);
    expect(rows).toEqual([{ title: "Second telling" }]);
  });
});

describe("a big export", () => {
  test("10 MB streams through in batches: every post and comment arrives, replies on their parents", async () => {
    const { writeBloggerExport } = await import("../scripts/lib/bench/blogger-export");
    const file = path.join(scratch, "big.xml");
    const written = await writeBloggerExport(file, { posts: 1500, comments: 12000 });
    expect(written.bytes).toBeGreaterThan(10 * 1024 * 1024);
    const target = await createTestDatabase({ migrated: true });
    try {
      let progressReports = 0;
      const report = await importFile({ databaseUrl: target.url, filePath: file, onProgress: () => (progressReports += 1) });
      expect(report.counts.posts.created).toBe(1500);
      expect(report.counts.comments.created).toBe(12000);
      expect(progressReports).toBeGreaterThanOrEqual(2);
      const [replies] = (await runSql(target.url, `SELECT count(*) AS replies, count(*) FILTER (WHERE parent."postId" = c."postId") AS "onTheirPost" FROM "Comment" c JOIN "Comment" parent ON parent.id = c."parentId"`)).rows;
      expect(Number(replies.replies)).toBeGreaterThan(1000);
      expect(replies.onTheirPost).toBe(replies.replies);
    } finally {
      await target.drop();
    }
  });
});

describe("files that must change nothing", () => {
  test("a truncated export is refused with the line and column, and the blog is as it was", async () => {
    const before = await snapshot();
    const whole = await readFile(fixture("blogger-classic.xml"), "utf8");
    const truncated = await writeScratch("truncated.xml", whole.slice(0, Math.floor(whole.length * 0.8)));
    const failure = await importFile({ databaseUrl: database.url, filePath: truncated }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect((failure as Error).message).toMatch(/line \d+, column \d+/);
    expect(await snapshot()).toEqual(before);
  });

  test("a file that is not an export says what it is", async () => {
    const html = await writeScratch("page.xml", "<html><body><p>Hello</p></body></html>");
    await expect(importFile({ databaseUrl: database.url, filePath: html })).rejects.toThrow(/not a Blogger or WordPress export: its document element is <html>/);
    const text = await writeScratch("notes.txt", "Dear diary,\nnothing to see.");
    await expect(importFile({ databaseUrl: database.url, filePath: text })).rejects.toThrow(/starts with “Dear diary/);
    const empty = await writeScratch("empty.xml", "  \n");
    await expect(importFile({ databaseUrl: database.url, filePath: empty })).rejects.toThrow(/empty/);
  });

  test("an import stopped halfway leaves the blog exactly as it was", async () => {
    const before = await snapshot();
    const stop = new AbortController();
    const stopped = importFile({
      databaseUrl: database.url,
      filePath: fixture("blogger-classic.xml"),
      signal: stop.signal,
      onProgress: () => stop.abort(),
    });
    await expect(stopped).rejects.toThrow(/stopped before it finished; nothing was changed/);
    expect(await snapshot()).toEqual(before);
  });

  test("--author for an account that does not exist is refused before anything changes", async () => {
    const before = await snapshot();
    await expect(importFile({ databaseUrl: database.url, filePath: fixture("blogger-classic.xml"), authorEmail: "nobody@example.com" })).rejects.toThrow(/No account has the email nobody@example.com/);
    expect(await snapshot()).toEqual(before);
  });
});
