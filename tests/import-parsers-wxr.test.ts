import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { openXmlExport } from "../lib/transfer/parsers/index";
import { ImportFileError, type CommentRecord, type EntryRecord, type ImportRecord } from "../lib/transfer/records";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", "import", name), "utf8");
const wxr12 = fixture("wordpress-1.2.xml");
const wxr10 = fixture("wordpress-1.0.xml");

// 100-character pieces, so elements, CDATA sections and multi-byte names straddle chunk boundaries.
async function* inChunks(text: string, size = 100): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function readExport(xml: string): Promise<{ format: string; records: ImportRecord[] }> {
  const opened = await openXmlExport(inChunks(xml));
  const records: ImportRecord[] = [];
  for await (const record of opened.records) records.push(record);
  return { format: opened.format, records };
}

const { format, records } = await readExport(wxr12);
const site = "wxr:allotment.example.net";

function entry(postId: number): EntryRecord {
  const found = records.find((record): record is EntryRecord => (record.type === "post" || record.type === "page") && record.sourceId === `${site}:${postId}`);
  if (!found) throw new Error(`no entry ${postId}`);
  return found;
}
const comment = (commentId: number) => records.find((record): record is CommentRecord => record.type === "comment" && record.sourceId === `${site}:comment-${commentId}`);
const skipped = (kind: string) => records.filter((record) => record.type === "skipped" && record.kind === kind);

describe("a WordPress 1.2 export", () => {
  test("is recognised by its content and starts with the blog's settings", () => {
    expect(format).toBe("wxr");
    expect(records[0]).toEqual({ type: "settings", blogTitle: "Notes from the Allotment", description: "Leeks, weather & the people of plot 14", unmapped: ["language"] });
    expect(records.filter((record) => record.type === "settings")).toHaveLength(1);
  });

  test("authors are keyed by login, named by display name, then full name, then login", () => {
    expect(records.filter((record) => record.type === "author")).toEqual([
      { type: "author", key: "maggie", name: "Maggie Ellery", email: "maggie@allotment.example.net" },
      { type: "author", key: "tom", name: "Tom Reyes", email: null },
      { type: "author", key: "guest", name: "guest", email: "guest@allotment.example.net" },
    ]);
    expect(entry(12).authorKey).toBe("maggie");
  });

  test("categories and tags become labels with their old list addresses, Unicode intact", () => {
    expect(records.filter((record) => record.type === "label")).toEqual([
      { type: "label", name: "Books & Reading", oldPaths: ["/category/books-reading"] },
      { type: "label", name: "Café Culture", oldPaths: ["/category/cafe-culture"] },
      { type: "label", name: "Ελληνικά", oldPaths: ["/category/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC"] },
      { type: "label", name: "Vegetables", oldPaths: ["/category/vegetables"] },
      { type: "label", name: "Tomatoes", oldPaths: ["/category/vegetables/tomatoes", "/category/tomatoes"] },
      { type: "label", name: "long reads", oldPaths: ["/tag/long-reads"] },
      { type: "label", name: "日本語", oldPaths: ["/tag/%E6%97%A5%E6%9C%AC%E8%AA%9E"] },
    ]);
    expect(entry(12).labels).toEqual(["Books & Reading", "Tomatoes", "long reads", "日本語"]);
    expect(entry(13).labels).toEqual(["Café Culture", "Ελληνικά"]);
  });

  test("the default “Uncategorized” category is left off every post and reported once", () => {
    expect(entry(23).labels).toEqual([]);
    const reported = records.filter((record) => record.type === "skipped" && record.what.includes("Uncategorized"));
    expect(reported).toEqual([{ type: "skipped", kind: "posts", what: "the “Uncategorized” category", why: expect.stringContaining("default category") }]);
    expect(skipped("settings")).toEqual([{ type: "skipped", kind: "settings", what: "menu “Main menu”", why: "Longhand has no menus" }]);
  });

  test("a published post keeps its dates, body, excerpt, slug and every address it had", () => {
    expect(entry(12)).toEqual({
      type: "post",
      sourceId: `${site}:12`,
      title: "First frost",
      slug: "first-frost",
      permalink: null,
      bodyHtml: "<p>The leeks survived the <em>first frost</em> of the year.</p>\n<p>Reading by the shed with a flask.</p>",
      excerpt: "The leeks survived.",
      status: "PUBLISHED",
      trashed: false,
      publishedAt: new Date("2011-09-08T14:15:00Z"),
      createdAt: new Date("2011-09-08T14:15:00Z"),
      updatedAt: new Date("2011-09-09T10:00:00Z"),
      authorKey: "maggie",
      labels: ["Books & Reading", "Tomatoes", "long reads", "日本語"],
      commentsOpen: true,
      // Date parts are the blog's local date (15:15 BST), as WordPress built its links.
      oldPaths: ["/2011/09/08/first-frost", "/?p=12", "/first-frost", "/2011/09/08/frost-at-last", "/frost-at-last"],
      notes: ["sticky: Longhand has no sticky posts"],
    });
  });

  test("a post in plain permalinks with a non-Latin slug", () => {
    const diary = entry(23);
    expect(diary.slug).toBe("日記");
    // Its local date is the 17th, though in UTC it was still the 16th.
    expect(diary.oldPaths).toEqual(["/?p=23", "/2011/10/17/%E6%97%A5%E8%A8%98", "/%E6%97%A5%E8%A8%98"]);
  });

  test("each WordPress status maps onto ours, with a note where it is not the same", () => {
    const summary = (postId: number) => {
      const { status, trashed, publishedAt, notes } = entry(postId);
      return { status, trashed, publishedAt: publishedAt?.toISOString() ?? null, notes };
    };
    expect(summary(13)).toEqual({ status: "DRAFT", trashed: false, publishedAt: null, notes: [] });
    expect(summary(14)).toEqual({
      status: "DRAFT",
      trashed: false,
      publishedAt: null,
      notes: ["pending review: imported as a draft", "dated in the blog's local time with no time zone: read as UTC"],
    });
    expect(summary(15)).toEqual({ status: "DRAFT", trashed: false, publishedAt: "2011-10-10T16:00:00.000Z", notes: ["private post imported as a draft: Longhand has no private posts"] });
    expect(summary(16)).toEqual({ status: "SCHEDULED", trashed: false, publishedAt: "2030-01-05T09:00:00.000Z", notes: [] });
    expect(summary(17)).toEqual({ status: "PUBLISHED", trashed: true, publishedAt: "2011-03-01T12:00:00.000Z", notes: [] });
    expect(summary(18)).toEqual({ status: "DRAFT", trashed: true, publishedAt: null, notes: ["dated in the blog's local time with no time zone: read as UTC"] });
    expect(summary(26)).toEqual({ status: "DRAFT", trashed: false, publishedAt: "2011-11-02T18:00:00.000Z", notes: ["password-protected post imported as a draft: Longhand has no passwords"] });
  });

  test("an undated draft is placed in time by its modified date's offset and gets paragraphs from its blank lines", () => {
    const draft = entry(13);
    expect(draft.createdAt).toEqual(new Date("2011-10-02T08:30:00Z"));
    expect(draft.updatedAt).toEqual(new Date("2011-10-02T08:45:00Z"));
    expect(draft.slug).toBe("");
    expect(draft.bodyHtml).toBe("<p>Broad beans, again.</p>\n<p>Something purple<br />\nand something tall.</p>");
    expect(draft.oldPaths).toEqual(["/?p=13"]);
  });

  test("a trashed post gets back the slug WordPress renamed it from", () => {
    expect(entry(17).slug).toBe("old-news");
    expect(entry(17).oldPaths).toEqual(["/?p=17", "/2011/03/01/old-news", "/old-news"]);
    expect(comment(108)?.status).toBe("PENDING");
  });

  test("a page keeps its address, closed comments and paragraphs", () => {
    expect(entry(20)).toMatchObject({
      type: "page",
      title: "About the plot",
      slug: "about",
      status: "PUBLISHED",
      commentsOpen: false,
      authorKey: "tom",
      labels: [],
      bodyHtml: "<p>We grow things on plot 14.</p>\n<p>Mostly leeks.<br />\nSometimes beans.</p>",
      oldPaths: ["/about", "/?page_id=20"],
    });
  });

  test("threaded comments follow their post with each approval state", () => {
    const firstFrost = records.findIndex((record) => record.type === "post" && record.sourceId === `${site}:12`);
    expect(records.slice(firstFrost + 1, firstFrost + 7).map((record) => record.type)).toEqual(["comment", "comment", "comment", "comment", "comment", "skipped"]);
    expect(comment(101)).toEqual({
      type: "comment",
      sourceId: `${site}:comment-101`,
      postSourceId: `${site}:12`,
      parentSourceId: null,
      authorName: "Ada Okafor",
      authorUrl: "https://ada.example.org",
      authorEmail: "ada@example.org",
      bodyHtml: "<p>Lovely photos.</p>\n<p>Where did you get the cloches?</p>",
      status: "VISIBLE",
      createdAt: new Date("2011-09-08T17:02:00Z"),
    });
    expect(comment(102)).toMatchObject({ parentSourceId: `${site}:comment-101`, status: "VISIBLE", authorUrl: null });
    expect(comment(103)).toMatchObject({ status: "PENDING", authorEmail: null });
    expect(comment(104)?.status).toBe("SPAM");
    expect(comment(105)).toMatchObject({ status: "DELETED", parentSourceId: `${site}:comment-101` });
  });

  test("pingbacks are skipped with who sent them", () => {
    expect(comment(106)).toBeUndefined();
    expect(skipped("comments")).toEqual([
      { type: "skipped", kind: "comments", what: "pingback from https://leekweekly.example.com/frost-roundup/", why: "Longhand does not keep pingbacks" },
    ]);
  });

  test("attachments, menu items and custom post types are skipped, saying why", () => {
    expect(skipped("posts").filter((record) => record.type === "skipped" && !record.what.includes("Uncategorized"))).toEqual([
      { type: "skipped", kind: "posts", what: "attachment “leeks.jpg”", why: expect.stringContaining("media library") },
      { type: "skipped", kind: "posts", what: "nav_menu_item “Home”", why: "Longhand has no menus" },
      { type: "skipped", kind: "posts", what: "product “Leek seeds, 50 g”", why: "WordPress content of type “product”: Longhand has posts and pages only" },
    ]);
    expect(records.filter((record) => record.type === "post" || record.type === "page")).toHaveLength(11);
  });

  test("hostile markup passes through untouched, for the engine to sanitize", () => {
    expect(entry(24).bodyHtml).toBe(`<p onclick="steal()">Hi</p><script>alert("x")</script><img src="javascript:alert(1)" onerror="alert(2)"><iframe src="https://evil.example/"></iframe>`);
    expect(entry(24).excerpt).toBe(`<b onmouseover="alert(3)">Hi</b>`);
  });

  test("a blog in a subdirectory keeps that directory in its old addresses", async () => {
    const inBlog = await readExport(wxr12.replaceAll("https://allotment.example.net", "https://example.org/allotment"));
    const post = inBlog.records.find((record) => record.type === "post");
    expect(post).toMatchObject({
      sourceId: "wxr:example.org:12",
      oldPaths: ["/allotment/2011/09/08/first-frost", "/allotment?p=12", "/allotment/first-frost", "/allotment/2011/09/08/frost-at-last", "/allotment/frost-at-last"],
    });
    expect(inBlog.records.find((record) => record.type === "label")).toEqual({ type: "label", name: "Books & Reading", oldPaths: ["/allotment/category/books-reading"] });
  });

  test("WXR 1.1 namespaces read the same", async () => {
    const wxr11 = await readExport(wxr12.replaceAll("http://wordpress.org/export/1.2/", "http://wordpress.org/export/1.1/"));
    expect(wxr11.records).toEqual(records);
  });

  test("records arrive while the file is still being read", async () => {
    let chunksRead = 0;
    async function* counted(): AsyncGenerator<string> {
      for await (const chunk of inChunks(wxr12)) {
        chunksRead += 1;
        yield chunk;
      }
    }
    const opened = await openXmlExport(counted());
    for await (const record of opened.records) if (record.type === "post") break;
    expect(chunksRead).toBeLessThan(Math.ceil(wxr12.length / 100) / 2);
  });
});

describe("a WordPress 1.0 export", () => {
  test("reads posts, pages, labels and comments from the old namespaces, naming the site by its link", async () => {
    const old = await readExport(wxr10);
    expect(old.format).toBe("wxr");
    const oldSite = "wxr:oldblog.example.com";
    expect(old.records.map((record) => record.type)).toEqual(["settings", "label", "skipped", "label", "author", "post", "comment", "comment", "page"]);
    expect(old.records[1]).toEqual({ type: "label", name: "Travel", oldPaths: ["/category/travel"] });
    expect(old.records[4]).toEqual({ type: "author", key: "admin", name: "admin", email: null });
    expect(old.records[5]).toMatchObject({
      sourceId: `${oldSite}:3`,
      slug: "night-train-to-vienna",
      excerpt: "A sleepless night.",
      labels: ["Travel", "trains"],
      bodyHtml: "<p>The sleeper left at ten.</p>\n<p>I did not sleep.</p>",
      publishedAt: new Date("2009-06-12T21:40:00Z"),
      oldPaths: ["/archives/3", "/?p=3", "/2009/06/12/night-train-to-vienna", "/night-train-to-vienna"],
    });
    // The reply has only a local date: read with the offset its post shows (+02:00).
    expect(old.records[7]).toMatchObject({
      sourceId: `${oldSite}:comment-8`,
      parentSourceId: `${oldSite}:comment-7`,
      createdAt: new Date("2009-06-13T08:15:00Z"),
    });
    expect(old.records[8]).toMatchObject({ type: "page", sourceId: `${oldSite}:4`, oldPaths: ["/about", "/?page_id=4"] });
  });
});

describe("files that cannot be imported", () => {
  test("a truncated export fails saying where", async () => {
    const truncated = wxr12.slice(0, wxr12.indexOf("<title><![CDATA[Compost ratios") + 20);
    const failure = await readExport(truncated).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect(failure).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect((failure as ImportFileError).line).toBeGreaterThan(200);
  });

  test("an RSS feed that is not a WordPress export is refused", async () => {
    await expect(readExport(fixture("rss-feed.xml"))).rejects.toThrow(/RSS feed, not a WordPress export/);
  });
});
