import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { openXmlExport } from "../lib/transfer/parsers/index";
import { ImportFileError, type CommentRecord, type EntryRecord, type ImportRecord, type SettingsRecord } from "../lib/transfer/records";

// Blogger's two export formats, read as the importer reads them: detected from the content and
// streamed in small pieces, so no test depends on where a chunk happens to end.
const fixture = (name: string) => readFile(path.join(import.meta.dirname, "fixtures", "import", name), "utf8");

async function* inPieces(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function readExport(text: string, pieceSize = 100) {
  const opened = await openXmlExport(inPieces(text, pieceSize));
  const records: ImportRecord[] = [];
  for await (const record of opened.records) records.push(record);
  return { format: opened.format, records };
}

const entries = (records: ImportRecord[]) => records.filter((record): record is EntryRecord => record.type === "post" || record.type === "page");
const comments = (records: ImportRecord[]) => records.filter((record): record is CommentRecord => record.type === "comment");
const entryTitled = (records: ImportRecord[], title: string) => entries(records).find((entry) => entry.title === title)!;

const CLASSIC_KIND = "http://schemas.google.com/blogger/2008/kind#";

/** A classic export of a blog whose id is not numeric (Longhand's own Atom export writes "blog-longhand"). */
function classicFeed(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><id>tag:blogger.com,1999:blog-longhand.archive</id>${body}</feed>`;
}

function setting(name: string, value: string): string {
  return `<entry><id>tag:blogger.com,1999:blog-longhand.settings.${name}</id><category scheme="http://schemas.google.com/g/2005#kind" term="${CLASSIC_KIND}settings"/><content type="text">${value}</content></entry>`;
}

describe("Blogger's classic export", () => {
  test("is recognised from its content, and reads the same whatever size the pieces arrive in", async () => {
    const text = await fixture("blogger-classic.xml");
    const inHundreds = await readExport(text, 100);
    const inSevens = await readExport(text, 7);
    const whole = await readExport(text, text.length);
    expect(inHundreds.format).toBe("blogger");
    expect(inSevens.records).toEqual(whole.records);
    expect(inHundreds.records).toEqual(whole.records);
    expect(whole.records.length).toBeGreaterThan(8);
  });

  test("yields records in file order: the template skipped, the settings once they are all in, each author before their first entry", async () => {
    const { records } = await readExport(await fixture("blogger-classic.xml"));
    const summary = records.map((record) => (record.type === "post" || record.type === "page" ? `${record.type}:${record.title}` : record.type === "author" ? `author:${record.name}` : record.type));
    expect(summary).toEqual([
      "skipped",
      "settings",
      "author:Odile Brannock",
      "post:A lantern, a ledger & a long night",
      "post:Half a thought about marginalia",
      "author:Pim Halloway",
      "page:About the shelf",
      "comment",
      "comment",
      "comment",
      "skipped",
      "skipped",
    ]);
    expect(records[0]).toEqual({ type: "skipped", kind: "settings", what: "template", why: "Longhand has its own themes" });
  });

  test("maps the blog settings that mean something here and lists the rest as not imported", async () => {
    const { records } = await readExport(await fixture("blogger-classic.xml"));
    expect(records.find((record) => record.type === "settings")).toEqual({
      type: "settings",
      blogTitle: "The Lantern Shelf",
      description: "Books, tea & the odd long walk",
      timeZone: "America/Los_Angeles",
      commentPermission: "SIGNED_IN",
      commentModeration: "OLDER_POSTS",
      moderateAfterDays: 14,
      postsPerPage: 7,
      unmapped: ["BLOG_LOCALE", "BLOG_ADULT_CONTENT"],
    } satisfies SettingsRecord);
  });

  test("reads a published post exactly: instant, address, labels in every script, and the body as written", async () => {
    const { records } = await readExport(await fixture("blogger-classic.xml"));
    const author = records.find((record) => record.type === "author" && record.name === "Odile Brannock");
    expect(author).toEqual({ type: "author", key: "https://www.blogger.com/profile/01234567890123456789", name: "Odile Brannock", email: null });

    const post = entryTitled(records, "A lantern, a ledger & a long night");
    expect(post).toMatchObject({
      type: "post",
      sourceId: "blogger:7700112233445566778.post-4455667788990011223",
      slug: "lantern-ledger-and-long-night",
      permalink: "/2011/09/lantern-ledger-and-long-night",
      status: "PUBLISHED",
      trashed: false,
      authorKey: "https://www.blogger.com/profile/01234567890123456789",
      labels: ["Books & Reading", "Café reviews", "日本の本", "Ελληνικά"],
      commentsOpen: true,
      oldPaths: [],
    });
    expect(post.publishedAt?.toISOString()).toBe("2011-09-08T08:41:00.000Z");
    expect(post.createdAt.toISOString()).toBe("2011-09-08T08:41:00.000Z");
    expect(post.updatedAt.toISOString()).toBe("2011-09-09T10:00:12.345Z");
    // Sanitizing is the engine's job: the parser hands on hostile markup exactly as the export had it.
    expect(post.bodyHtml).toBe('<p>The ledger was <em>warm</em> from the lamp.</p><script>alert("steal")</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">click</a>');
  });

  test("reads a draft marked with the app: prefix the export never declares", async () => {
    const { records } = await readExport(await fixture("blogger-classic.xml"));
    const draft = entryTitled(records, "Half a thought about marginalia");
    expect(draft).toMatchObject({ status: "DRAFT", slug: "", permalink: null, publishedAt: null, labels: ["Books & Reading"] });
    expect(draft.createdAt.toISOString()).toBe("2012-02-21T02:00:00.000Z");
    expect(records.filter((record) => record.type === "author" && record.name === "Odile Brannock")).toHaveLength(1);
  });

  test("keeps a page's old /p/ address as a redirect", async () => {
    const { records } = await readExport(await fixture("blogger-classic.xml"));
    const page = entryTitled(records, "About the shelf");
    expect(page).toMatchObject({ type: "page", slug: "about", permalink: null, oldPaths: ["/p/about.html"], authorKey: "https://www.blogger.com/profile/98765432109876543210", labels: [] });
    expect(records).toContainEqual({ type: "author", key: "https://www.blogger.com/profile/98765432109876543210", name: "Pim Halloway", email: "pim@example.org" });
  });

  test("ties comments to their post, replies to their comment, and keeps removed comments removed", async () => {
    const { records } = await readExport(await fixture("blogger-classic.xml"));
    const [anonymous, reply, removed] = comments(records);
    const postSourceId = "blogger:7700112233445566778.post-4455667788990011223";
    expect(anonymous).toMatchObject({ sourceId: "blogger:7700112233445566778.post-1000000000000000001", postSourceId, parentSourceId: null, authorName: "Anonymous", authorUrl: null, authorEmail: null, status: "VISIBLE", bodyHtml: "Lovely. <b>Which</b> ledger?" });
    expect(anonymous!.createdAt.toISOString()).toBe("2011-09-08T16:15:00.000Z");
    expect(reply).toMatchObject({ postSourceId, parentSourceId: "blogger:7700112233445566778.post-1000000000000000001", authorName: "Sunniva Okonkwo", authorUrl: "https://sunniva.example.net/", authorEmail: "sunniva@example.net", status: "VISIBLE" });
    expect(removed).toMatchObject({ postSourceId, status: "DELETED" });
  });

  test("skips an entry with an impossible date or an unknown kind, and says why, instead of failing", async () => {
    const { records } = await readExport(await fixture("blogger-classic.xml"));
    const skippedEntries = records.filter((record) => record.type === "skipped").slice(1);
    expect(skippedEntries).toEqual([
      { type: "skipped", kind: "posts", what: 'post "The day that never was"', why: 'Its published date "2011-02-30T10:00:00.000Z" is not a valid date.' },
      { type: "skipped", kind: "posts", what: 'entry of kind "widget"', why: expect.stringContaining("no such kind") },
    ]);
  });

  test("accepts any blog id, and addresses without .html, as Longhand's own Atom export writes them", async () => {
    const kind = (term: string) => `<category scheme="http://schemas.google.com/g/2005#kind" term="${CLASSIC_KIND}${term}"/>`;
    const { format, records } = await readExport(
      classicFeed(`
        <entry><id>tag:blogger.com,1999:blog-longhand.post-cm4x9k2</id>${kind("post")}<published>2024-02-29T23:30:00-05:00</published><updated>2024-03-01T05:00:00Z</updated>
          <title>Leap day</title><content type="html">&lt;p&gt;Once in four years.&lt;/p&gt;</content><link rel="alternate" type="text/html" href="https://blog.example.org/2024/02/leap-day"/><author><name>Maggie Ellery</name></author></entry>
        <entry><id>tag:blogger.com,1999:blog-longhand.page-about</id>${kind("page")}<published>2024-01-01T00:00:00Z</published>
          <title>About</title><content type="html">hi</content><link rel="alternate" type="text/html" href="https://blog.example.org/p/about"/><author><name>Maggie Ellery</name></author></entry>
        <entry><id>tag:blogger.com,1999:blog-longhand.post-c1</id>${kind("comment")}<published>2024-03-01T06:00:00Z</published>
          <content type="html">Reply</content><author><name>Annie Johnson</name></author>
          <link rel="related" href="https://blog.example.org/feeds/longhand/cm4x9k2/comments/default/c0"/>
          <thr:in-reply-to ref="tag:blogger.com,1999:blog-longhand.post-cm4x9k2"/></entry>`),
    );
    expect(format).toBe("blogger");
    expect(records[0]).toEqual({ type: "author", key: "Maggie Ellery", name: "Maggie Ellery", email: null });
    expect(entryTitled(records, "Leap day")).toMatchObject({ sourceId: "blogger:longhand.post-cm4x9k2", slug: "leap-day", permalink: "/2024/02/leap-day", authorKey: "Maggie Ellery" });
    expect(entryTitled(records, "Leap day").publishedAt?.toISOString()).toBe("2024-03-01T04:30:00.000Z");
    expect(entryTitled(records, "About")).toMatchObject({ sourceId: "blogger:longhand.page-about", slug: "about", oldPaths: [] });
    expect(comments(records)[0]).toMatchObject({ sourceId: "blogger:longhand.post-c1", postSourceId: "blogger:longhand.post-cm4x9k2", parentSourceId: "blogger:longhand.post-c0" });
  });

  test("closes comments when the blog allowed none, and ignores a time zone that does not exist", async () => {
    const { records } = await readExport(classicFeed(setting("BLOG_COMMENTS_ALLOWED", "false") + setting("BLOG_COMMENT_ACCESS", "ANYONE") + setting("BLOG_TIME_ZONE", "Mars/Olympus_Mons") + setting("BLOG_COMMENT_MODERATION", "ALWAYS")));
    expect(records).toEqual([{ type: "settings", commentPermission: "NOBODY", commentModeration: "ALWAYS", unmapped: ["BLOG_TIME_ZONE"] }]);
  });

  test("Blogger's \"Anyone\" opens the blog to guests; Google accounts and members mean an account", async () => {
    const permission = async (access: string) => (await readExport(classicFeed(setting("BLOG_COMMENT_ACCESS", access)))).records[0];
    expect(await permission("ANYONE")).toEqual({ type: "settings", commentPermission: "ANYONE" });
    expect(await permission("REGISTERED_USERS")).toEqual({ type: "settings", commentPermission: "SIGNED_IN" });
    expect(await permission("BLOG_MEMBERS")).toEqual({ type: "settings", commentPermission: "SIGNED_IN" });
  });

  test("refuses a truncated file, saying where it breaks off", async () => {
    const text = await fixture("blogger-classic.xml");
    const truncated = text.slice(0, Math.floor(text.length * 0.6));
    const reading = readExport(truncated);
    await expect(reading).rejects.toBeInstanceOf(ImportFileError);
    const error = (await reading.catch((caught: unknown) => caught)) as ImportFileError;
    expect(error.line).toBeGreaterThan(100);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message).toMatch(/line \d+, column \d+/);
  });
});

describe("Blogger's Takeout export (feed.atom)", () => {
  test("is recognised from its content, and reads the same whatever size the pieces arrive in", async () => {
    const text = await fixture("blogger-takeout.atom");
    const inHundreds = await readExport(text, 100);
    expect(inHundreds.format).toBe("blogger-takeout");
    expect(inHundreds.records).toEqual((await readExport(text, text.length)).records);
    expect(inHundreds.records[0]).toEqual({ type: "settings", blogTitle: "Field Notes from Kettle Lane" });
  });

  test("reads a live post from its filename, creation date and labels, with the body as written", async () => {
    const { records } = await readExport(await fixture("blogger-takeout.atom"));
    expect(records[1]).toEqual({ type: "author", key: "https://www.blogger.com/profile/11112222333344445555", name: "Rosalind Fenwick-Aho", email: null });
    const post = entryTitled(records, "Hedgerow jam & other small victories");
    expect(post).toMatchObject({
      type: "post",
      sourceId: "blogger:3141592653589793238.post-2718281828459045235",
      slug: "hedgerow-jam",
      permalink: "/2019/09/hedgerow-jam",
      status: "PUBLISHED",
      trashed: false,
      excerpt: "How the jam set at last.",
      labels: ["Preserves & Pickles", "Café reviews", "日本の本"],
      bodyHtml: '<p>Blackberries, <strong>finally</strong>.</p><iframe src="https://evil.example/steal"></iframe>',
      notes: [],
    });
    expect(post.createdAt.toISOString()).toBe("2019-08-30T21:10:00.000Z");
    expect(post.publishedAt?.toISOString()).toBe("2019-09-01T05:30:00.000Z");
    expect(post.updatedAt.toISOString()).toBe("2019-09-02T11:00:00.000Z");
  });

  test("reads drafts, scheduled posts and posts in the trash", async () => {
    const { records } = await readExport(await fixture("blogger-takeout.atom"));
    expect(entryTitled(records, "Notes toward a compost post")).toMatchObject({ status: "DRAFT", trashed: false, publishedAt: null, slug: "", permalink: null, labels: ["Ελληνικά"] });
    expect(entryTitled(records, "A rant about slugs (the garden kind)")).toMatchObject({ status: "DRAFT", trashed: true, publishedAt: null, slug: "rant-about-slugs" });
    const scheduled = entryTitled(records, "Seed swap, next spring");
    expect(scheduled).toMatchObject({ status: "SCHEDULED", permalink: "/2031/03/seed-swap" });
    expect(scheduled.publishedAt?.toISOString()).toBe("2031-03-20T15:00:00.000Z");
    expect(records).toContainEqual({ type: "author", key: "https://www.blogger.com/profile/66667777888899990000", name: "Tobiah Marsh", email: null });
  });

  test("keeps a page's old /p/ address as a redirect", async () => {
    const { records } = await readExport(await fixture("blogger-takeout.atom"));
    expect(entryTitled(records, "Who lives on Kettle Lane")).toMatchObject({ type: "page", slug: "who-lives-here", permalink: null, oldPaths: ["/p/who-lives-here.html"] });
  });

  test("ties comments to their post by blogger:parent and replies to their comment by blogger:inReplyTo", async () => {
    const { records } = await readExport(await fixture("blogger-takeout.atom"));
    const postSourceId = "blogger:3141592653589793238.post-2718281828459045235";
    const [anonymous, reply, spam] = comments(records);
    expect(anonymous).toMatchObject({ sourceId: "blogger:3141592653589793238.post-5000000000000000001", postSourceId, parentSourceId: null, authorName: "Anonymous", authorUrl: null, authorEmail: null, status: "VISIBLE", bodyHtml: "Recipe please! <script>document.cookie</script>" });
    expect(reply).toMatchObject({ postSourceId, parentSourceId: "blogger:3141592653589793238.post-5000000000000000001", authorName: "Rosalind Fenwick-Aho", status: "VISIBLE" });
    expect(reply!.createdAt.toISOString()).toBe("2019-09-01T12:30:00.000Z");
    expect(spam).toMatchObject({ status: "SPAM", authorUrl: "http://watches.example.com/" });
  });

  test("marks a live post trashed by date, notes a status it does not know, and skips what is not a post, page or comment", async () => {
    const entry = (type: string, status: string, extra = "") =>
      `<entry><id>tag:blogger.com,1999:blog-9.post-${type}${status}</id><blogger:type>${type}</blogger:type><blogger:status>${status}</blogger:status><title>${type} ${status}</title><content type="html">x</content><published>2020-01-01T00:00:00Z</published>${extra}</entry>`;
    const { format, records } = await readExport(
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">${entry("POST", "LIVE", "<blogger:trashed>2020-02-01T00:00:00Z</blogger:trashed>")}${entry("POST", "IMPORTED")}${entry("WIDGET", "LIVE")}</feed>`,
    );
    expect(format).toBe("blogger-takeout");
    expect(entryTitled(records, "POST LIVE")).toMatchObject({ status: "PUBLISHED", trashed: true });
    expect(entryTitled(records, "POST IMPORTED")).toMatchObject({ status: "DRAFT", trashed: false, notes: ['Blogger status "IMPORTED" imported as a draft'] });
    expect(records.at(-1)).toEqual({ type: "skipped", kind: "posts", what: 'entry of type "WIDGET"', why: expect.stringContaining("no such type") });
  });
});
