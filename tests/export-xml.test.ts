import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { exportAtom } from "../lib/transfer/export/atom";
import type { Exporter } from "../lib/transfer/export/index";
import { exportWxr } from "../lib/transfer/export/wxr";
import { seedDemoContent } from "../prisma/seed/seed";
import { projectRoot } from "../scripts/lib/paths";
import { createPrismaClient } from "../scripts/lib/prisma";
import { withMigratedDatabase } from "./support/databases";

const siteUrl = "https://blog.example.org";
const firstExport = new Date("2026-11-29T10:00:00Z");
const secondExport = new Date("2026-11-30T18:30:00Z");

const hostileTitle = `Cats ]]> & </content> "dogs" <b>`;
const hostileBody = `<p>Before ]]> after </content> and <![CDATA[ nested ]]]]> &amp; &lt;tags&gt; — ünïcödé 😀</p>`;
const ampersandLabel = "Books & Reading";
const greekLabel = "Ελληνικά";
// A slug this test stores itself; exports carry whatever slug a label has.
const greekSlug = `label-${Buffer.from(greekLabel).toString("hex").slice(0, 40)}`;

async function collect(exporter: Exporter, db: PrismaClient, now: Date): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of exporter(db, { now, siteUrl })) chunks.push(chunk);
  return chunks;
}

type Node = Record<string, unknown> & { "#text"?: string };
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["entry", "item", "link", "category", "wp:author", "wp:category", "wp:comment", "wp:postmeta"].includes(name),
});
const text = (node: unknown): string => (typeof node === "object" && node !== null ? ((node as Node)["#text"] ?? "") : String(node ?? ""));

/** Our own rows beside the demo blog: the cases a real blog has and a plain seed does not. */
async function addTrickyRows(db: PrismaClient) {
  const writer = await db.user.create({ data: { name: "Ravi Menon", email: "ravi@example.test", role: "AUTHOR" } });
  const reader = await db.user.findUniqueOrThrow({ where: { email: "annie@example.com" } });
  const ampersand = await db.label.create({ data: { name: ampersandLabel, slug: "books-and-reading" } });
  const greek = await db.label.create({ data: { name: greekLabel, slug: greekSlug } });
  const post = (data: Parameters<PrismaClient["post"]["create"]>[0]["data"]) => db.post.create({ data });
  const common = { authorId: writer.id, bodyHtml: "<p>Plain words.</p>" };

  const hostile = await post({
    ...common,
    title: hostileTitle,
    slug: "cats-and-dogs",
    permalink: "/2012/07/cats-and-dogs",
    bodyHtml: hostileBody,
    excerpt: "Cats ]]> dogs",
    status: "PUBLISHED",
    publishedAt: new Date("2012-07-01T11:00:00Z"),
    createdAt: new Date("2012-06-30T09:00:00Z"),
    commentsOpen: false,
    labels: { create: [{ labelId: ampersand.id }, { labelId: greek.id }] },
  });
  const topLevel = await db.comment.create({
    data: {
      postId: hostile.id,
      authorName: "Guest Gwen",
      authorUrl: "https://gwen.example.net/",
      authorEmail: "gwen@example.net",
      bodyHtml: "<p>First ]]> comment</p>",
      idempotencyKey: "tricky-top",
      createdAt: new Date("2012-07-02T08:00:00Z"),
    },
  });
  await db.comment.create({
    data: { postId: hostile.id, parentId: topLevel.id, userId: reader.id, bodyHtml: "<p>A reply to Gwen</p>", idempotencyKey: "tricky-reply", createdAt: new Date("2012-07-02T09:00:00Z") },
  });
  for (const [status, key] of [
    ["PENDING", "tricky-pending"],
    ["SPAM", "tricky-spam"],
    ["DELETED", "tricky-deleted"],
  ] as const) {
    await db.comment.create({
      data: { postId: hostile.id, authorName: `A ${status.toLowerCase()} guest`, bodyHtml: `<p>${status}</p>`, status, idempotencyKey: key, createdAt: new Date("2012-07-03T08:00:00Z") },
    });
  }

  await post({ ...common, title: "Half a thought", slug: "half-a-thought", status: "DRAFT", createdAt: new Date("2013-01-05T10:00:00Z") });
  await post({
    ...common,
    title: "Coming soon",
    slug: "coming-soon",
    permalink: "/2030/01/coming-soon",
    status: "SCHEDULED",
    publishedAt: new Date("2030-01-01T09:00:00Z"),
    createdAt: new Date("2013-01-06T10:00:00Z"),
  });
  const trashed = await post({
    ...common,
    title: "Thrown away",
    slug: "thrown-away",
    permalink: "/2013/01/thrown-away",
    status: "PUBLISHED",
    publishedAt: new Date("2013-01-07T10:00:00Z"),
    trashedAt: new Date("2013-01-08T10:00:00Z"),
    createdAt: new Date("2013-01-07T10:00:00Z"),
  });
  await db.comment.create({ data: { postId: trashed.id, authorName: "Late guest", bodyHtml: "<p>on a trashed post</p>", idempotencyKey: "tricky-trashed" } });

  const fromWordPress = await post({
    ...common,
    title: "Imported from WordPress",
    slug: "imported-from-wordpress",
    permalink: "/2009/03/imported-from-wordpress",
    status: "PUBLISHED",
    publishedAt: new Date("2009-03-01T10:00:00Z"),
    createdAt: new Date("2009-03-01T10:00:00Z"),
    importKey: "wxr:blog.example.org:4242",
  });
  await db.comment.create({ data: { postId: fromWordPress.id, authorName: "Old friend", bodyHtml: "<p>kept</p>", idempotencyKey: "import:wxr:blog.example.org:comment-77" } });
  await post({
    ...common,
    title: "Imported from Blogger",
    slug: "imported-from-blogger",
    permalink: "/2008/02/imported-from-blogger",
    status: "PUBLISHED",
    publishedAt: new Date("2008-02-01T10:00:00Z"),
    createdAt: new Date("2008-02-01T10:00:00Z"),
    importKey: "blogger:9876.post-5555",
  });
  await db.page.create({ data: { title: "Contact", slug: "contact", bodyHtml: "<p>Write to me</p>", status: "PUBLISHED", publishedAt: new Date("2012-01-01T00:00:00Z"), authorId: writer.id } });
}

describe("exporting a blog to Atom and WXR", () => {
  const database = withMigratedDatabase();
  let db: PrismaClient;
  let atom: string;
  let wxr: string;
  let publishedTitles: string[];
  let everything: { posts: number; pages: number; comments: number };

  beforeAll(async () => {
    db = createPrismaClient(database.url);
    await seedDemoContent(db);
    await addTrickyRows(db);
    await db.setting.update({ where: { id: 1 }, data: { commentModeration: "OLDER_POSTS", moderateAfterDays: 30 } });
    atom = (await collect(exportAtom, db, firstExport)).join("");
    wxr = (await collect(exportWxr, db, firstExport)).join("");
    const published = await db.post.findMany({ where: { trashedAt: null, status: { in: ["PUBLISHED", "SCHEDULED"] } }, select: { title: true } });
    publishedTitles = published.map((post) => post.title);
    everything = { posts: await db.post.count(), pages: await db.page.count(), comments: await db.comment.count() };
  }, 120_000);
  afterAll(() => db?.$disconnect());

  describe("Atom, in Blogger's export shape", () => {
    const entries = () => xml.parse(atom).feed.entry as Node[];
    const kindOf = (entry: Node) =>
      (entry.category as Node[]).find((category) => category["@scheme"] === "http://schemas.google.com/g/2005#kind")!["@term"] as string;
    const ofKind = (kind: string) => entries().filter((entry) => kindOf(entry) === `http://schemas.google.com/blogger/2008/kind#${kind}`);
    const postTitled = (title: string) => ofKind("post").find((entry) => text(entry.title) === title)!;

    test("is well-formed Atom that a feed reader reads: the blog's title, every published post with its title and address", () => {
      expect(XMLValidator.validate(atom)).toBe(true);
      const feed = parseFeed(atom);
      expect(feed.title).toBe("Notes from the Reading Room");
      const titles = feed.items.map((item) => item.title);
      for (const title of publishedTitles) expect(titles).toContain(title);
      const hostile = feed.items.find((item) => item.title === hostileTitle)!;
      expect(hostile.url).toBe(`${siteUrl}/2012/07/cats-and-dogs.html`);
      expect(hostile.categories.map((category) => category.term)).toEqual(expect.arrayContaining([ampersandLabel, greekLabel]));
    });

    test("keeps titles, bodies and labels exactly, however hostile", () => {
      const hostile = postTitled(hostileTitle);
      expect(text(hostile.content)).toBe(hostileBody);
      expect((hostile.category as Node[]).filter((category) => category["@scheme"] === "http://www.blogger.com/atom/ns#").map((category) => category["@term"])).toEqual([
        ampersandLabel,
        greekLabel,
      ]);
    });

    test("marks drafts as drafts, keeps scheduled posts, and leaves trashed ones out", () => {
      const draft = postTitled("Half a thought");
      expect(draft["app:control"]).toEqual({ "app:draft": "yes" });
      expect(draft.link).toBeUndefined();
      const scheduled = postTitled("Coming soon");
      expect(scheduled["app:control"]).toBeUndefined();
      expect(text(scheduled.published)).toBe("2030-01-01T09:00:00.000Z");
      expect(atom).not.toContain("Thrown away");
      expect(atom).not.toContain("on a trashed post");
    });

    test("keeps a Blogger post's own id, and names the others after this blog", () => {
      expect(text(postTitled("Imported from Blogger").id)).toBe("tag:blogger.com,1999:blog-9876.post-5555");
      expect(text(postTitled("Half a thought").id)).toMatch(/^tag:blogger\.com,1999:blog-longhand\.post-c[a-z0-9]+$/);
      const page = ofKind("page").find((entry) => text(entry.title) === "Contact")!;
      expect((page.link as Node[])[0]!["@href"]).toBe(`${siteUrl}/p/contact.html`);
    });

    test("comments point at their post, a reply at the comment it answers; only what readers could see goes out", () => {
      const post = postTitled(hostileTitle);
      const comments = ofKind("comment").filter((entry) => (entry["thr:in-reply-to"] as Node)["@ref"] === text(post.id));
      expect(comments.map((entry) => text(entry.content))).toEqual(["<p>First ]]> comment</p>", "<p>A reply to Gwen</p>"]);
      const [first, reply] = comments as [Node, Node];
      expect((first["thr:in-reply-to"] as Node)["@href"]).toBe(`${siteUrl}/2012/07/cats-and-dogs.html`);
      expect(first.author).toEqual({ name: "Guest Gwen", uri: "https://gwen.example.net/", email: "gwen@example.net" });
      expect((reply.author as Node).name).toBe("Annie Johnson");
      const firstItemId = text(first.id).split(".post-")[1];
      const related = (reply.link as Node[]).find((link) => link["@rel"] === "related")!;
      expect(related["@href"]).toMatch(new RegExp(`/comments/default/${firstItemId}$`));
      expect((first.link as Node[]).some((link) => link["@rel"] === "related")).toBe(false);
      for (const hidden of ["PENDING", "SPAM", "DELETED"]) expect(atom).not.toContain(`&lt;p&gt;${hidden}&lt;/p&gt;`);
    });

    test("carries the settings under Blogger's names", () => {
      const settings = Object.fromEntries(ofKind("settings").map((entry) => [text(entry.id).split(".settings.")[1], text(entry.content)]));
      expect(settings).toMatchObject({
        BLOG_NAME: "Notes from the Reading Room",
        BLOG_TIME_ZONE: "Europe/London",
        BLOG_COMMENT_ACCESS: "REGISTERED",
        BLOG_COMMENT_MODERATION: "SOMETIMES",
        BLOG_COMMENT_MODERATION_DELAY: "30",
        BLOG_MAX_NUM: "10",
      });
    });
  });

  describe("WXR 1.2, as WordPress exports it", () => {
    const channel = () => xml.parse(wxr).rss.channel as Node;
    const items = () => channel().item as Node[];
    const itemTitled = (title: string) => items().find((item) => text(item.title) === title)!;
    const comments = () => items().flatMap((item) => (item["wp:comment"] as Node[] | undefined) ?? []);

    test("is well-formed RSS with WordPress's namespaces, version and site", () => {
      expect(XMLValidator.validate(wxr)).toBe(true);
      const rss = xml.parse(wxr).rss as Node;
      expect(rss["@xmlns:wp"]).toBe("http://wordpress.org/export/1.2/");
      expect(rss["@xmlns:excerpt"]).toBe("http://wordpress.org/export/1.2/excerpt/");
      expect(rss["@xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
      expect(text(channel()["wp:wxr_version"])).toBe("1.2");
      expect(text(channel()["wp:base_site_url"])).toBe(siteUrl);
      expect(text(channel().title)).toBe("Notes from the Reading Room");
      // WXR has no element for it, and the local dates mean nothing without it.
      expect(text(channel()["longhand:time_zone"])).toBe("Europe/London");
    });

    test("lists each author once with a numeric id, and names posts' authors by login", () => {
      const authors = channel()["wp:author"] as Node[];
      expect(authors.map((author) => text(author["wp:author_login"])).sort()).toEqual(["maggie@example.com", "ravi@example.test"]);
      for (const author of authors) expect(text(author["wp:author_id"])).toMatch(/^[1-9][0-9]*$/);
      expect(text(itemTitled(hostileTitle)["dc:creator"])).toBe("ravi@example.test");
      expect(authors.find((author) => text(author["wp:author_login"]) === "ravi@example.test")!["wp:author_display_name"]).toBe("Ravi Menon");
    });

    test("declares every label as a category, and files posts under theirs", () => {
      const categories = channel()["wp:category"] as Node[];
      expect(categories.map((category) => [text(category["wp:cat_name"]), text(category["wp:category_nicename"])])).toEqual(
        expect.arrayContaining([
          [ampersandLabel, "books-and-reading"],
          [greekLabel, greekSlug],
        ]),
      );
      expect(new Set(categories.map((category) => text(category["wp:term_id"]))).size).toBe(categories.length);
      expect(itemTitled(hostileTitle).category).toEqual([
        { "#text": ampersandLabel, "@domain": "category", "@nicename": "books-and-reading" },
        { "#text": greekLabel, "@domain": "category", "@nicename": greekSlug },
      ]);
    });

    test("keeps bodies exact through CDATA, even with ]]> in them, and titles through escaping", () => {
      const hostile = itemTitled(hostileTitle);
      expect(text(hostile["content:encoded"])).toBe(hostileBody);
      expect(text(hostile["excerpt:encoded"])).toBe("Cats ]]> dogs");
      expect(wxr).toContain("]]]]><![CDATA[>");
    });

    test("every post and page is an item with its status, type, dates on the blog's clock, and a unique numeric id", () => {
      const byTitle = (title: string) => itemTitled(title);
      const hostile = byTitle(hostileTitle);
      expect([text(hostile["wp:post_date"]), text(hostile["wp:post_date_gmt"])]).toEqual(["2012-07-01 12:00:00", "2012-07-01 11:00:00"]);
      expect(text(hostile.pubDate)).toBe("Sun, 01 Jul 2012 11:00:00 +0000");
      expect(text(hostile["wp:comment_status"])).toBe("closed");
      expect(text(hostile["wp:post_name"])).toBe("cats-and-dogs");
      expect(hostile.link).toEqual([`${siteUrl}/2012/07/cats-and-dogs`]);
      expect(text(byTitle("Half a thought")["wp:status"])).toBe("draft");
      expect(text(byTitle("Half a thought")["wp:post_date_gmt"])).toBe("0000-00-00 00:00:00");
      expect(text(byTitle("Coming soon")["wp:status"])).toBe("future");
      expect(text(byTitle("Thrown away")["wp:status"])).toBe("trash");
      expect(text(byTitle("Contact")["wp:post_type"])).toBe("page");
      expect(text(hostile["wp:post_type"])).toBe("post");

      const ids = items().map((item) => text(item["wp:post_id"]));
      for (const id of ids) expect(id).toMatch(/^[1-9][0-9]*$/);
      expect(new Set(ids).size).toBe(ids.length);
      expect(text(byTitle("Imported from WordPress")["wp:post_id"])).toBe("4242");
      expect(ids.filter((id) => id !== "4242").every((id) => Number(id) > 4242)).toBe(true);
      expect(items()).toHaveLength(everything.posts + everything.pages);
    });

    test("comments keep their threads and states, with unique numeric ids; a WordPress comment keeps its own", () => {
      const onHostile = itemTitled(hostileTitle)["wp:comment"] as Node[];
      const byContent = (content: string) => onHostile.find((comment) => text(comment["wp:comment_content"]) === content)!;
      const first = byContent("<p>First ]]> comment</p>");
      expect(text(first["wp:comment_author"])).toBe("Guest Gwen");
      expect(text(first["wp:comment_author_email"])).toBe("gwen@example.net");
      expect(text(first["wp:comment_author_url"])).toBe("https://gwen.example.net/");
      expect(text(first["wp:comment_parent"])).toBe("0");
      expect(text(byContent("<p>A reply to Gwen</p>")["wp:comment_parent"])).toBe(text(first["wp:comment_id"]));
      expect(text(byContent("<p>A reply to Gwen</p>")["wp:comment_author_email"])).toBe("annie@example.com");
      expect(onHostile.map((comment) => text(comment["wp:comment_approved"]))).toEqual(["1", "1", "0", "spam", "trash"]);

      const ids = comments().map((comment) => text(comment["wp:comment_id"]));
      for (const id of ids) expect(id).toMatch(/^[1-9][0-9]*$/);
      expect(new Set(ids).size).toBe(ids.length);
      expect(text((itemTitled("Imported from WordPress")["wp:comment"] as Node[])[0]!["wp:comment_id"])).toBe("77");
    });
  });

  test("two exports of one blog differ only in the export's own timestamp", async () => {
    const atomAgain = (await collect(exportAtom, db, secondExport)).join("");
    const wxrAgain = (await collect(exportWxr, db, secondExport)).join("");
    expect(atomAgain).not.toBe(atom);
    expect(atomAgain.replaceAll(secondExport.toISOString(), firstExport.toISOString())).toBe(atom);
    expect(wxrAgain).not.toBe(wxr);
    expect(wxrAgain.replace("Mon, 30 Nov 2026 18:30:00 +0000", "Sun, 29 Nov 2026 10:00:00 +0000")).toBe(wxr);
  });

  describe("npm run export", () => {
    /** As `npm run export` runs it: in the project, with the folder it was typed in as INIT_CWD. */
    const run = async (args: string[], typedIn: string) => {
      const tsx = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, "--conditions=react-server", path.join(projectRoot, "scripts/export.ts"), ...args], {
          cwd: projectRoot,
          env: { ...process.env, INIT_CWD: typedIn, DATABASE_URL: database.url, NEXTAUTH_URL: siteUrl },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    };
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), "longhand-export-"));
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    test("writes the file it names and says what it wrote", async () => {
      const result = await run(["--format", "wxr", "--out", "blog.xml"], folder);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const { posts, pages, comments } = everything;
      expect(result.stdout).toMatch(new RegExp(`^Wrote ${posts} posts, ${pages} pages and ${comments} comments from PostgreSQL at .* to blog\\.xml \\(\\d+ KB\\)\\.\n$`));
      const written = await readFile(path.join(folder, "blog.xml"), "utf8");
      expect(XMLValidator.validate(written)).toBe(true);
      expect(written).toContain(`<wp:base_site_url>${siteUrl}</wp:base_site_url>`);
    }, 60_000);

    test("--out - writes the export to standard output and what it wrote to standard error", async () => {
      const result = await run(["--format", "atom", "--out", "-"], folder);
      expect(result.code).toBe(0);
      expect(XMLValidator.validate(result.stdout)).toBe(true);
      expect(parseFeed(result.stdout).title).toBe("Notes from the Reading Room");
      expect(result.stderr).toMatch(/^Wrote \d+ posts, \d+ pages and \d+ comments from PostgreSQL at .* as atom\.\n$/);
    }, 60_000);

    test("names the file after the day by default, and refuses bad arguments without writing anything", async () => {
      const atomResult = await run(["--format=atom"], folder);
      expect(atomResult.code).toBe(0);
      expect(await readdir(folder)).toContainEqual(expect.stringMatching(/^longhand-export-\d{4}-\d{2}-\d{2}\.atom\.xml$/));

      const before = await readdir(folder);
      for (const args of [[], ["--format", "rss"], ["--format", "atom", "--out"], ["--format", "atom", "--frobnicate"]]) {
        const refused = await run(args, folder);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain("Usage: npm run export -- --format atom|wxr|json");
        expect(refused.stdout).toBe("");
      }
      expect(await readdir(folder)).toEqual(before);
      expect(existsSync(path.join(folder, "blog.xml.partial"))).toBe(false);
    }, 120_000);
  });
});

describe("exporting a big blog", () => {
  const database = withMigratedDatabase();

  test("streams: many small chunks a batch of rows at a time, never the blog in one string", async () => {
    const db = createPrismaClient(database.url);
    try {
      const author = await db.user.create({ data: { name: "Prolific", email: "prolific@example.test", role: "ADMIN" } });
      const start = Date.UTC(2015, 0, 1);
      await db.post.createMany({
        data: Array.from({ length: 600 }, (_, index) => ({
          title: `Day ${index}`,
          slug: `day-${index}`,
          permalink: `/2015/01/day-${index}`,
          bodyHtml: `<p>${"words ".repeat(200)}</p>`,
          status: "PUBLISHED" as const,
          publishedAt: new Date(start + index * 3_600_000),
          createdAt: new Date(start + index * 3_600_000),
          authorId: author.id,
        })),
      });
      for (const exporter of [exportAtom, exportWxr]) {
        const chunks = await collect(exporter, db, firstExport);
        expect(chunks.length).toBeGreaterThan(600);
        expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(20_000);
        const document = chunks.join("");
        expect(XMLValidator.validate(document)).toBe(true);
        for (const index of [0, 299, 599]) expect(document).toContain(`Day ${index}<`);
      }
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
