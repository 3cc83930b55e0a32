import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PrismaClient } from "../lib/generated/prisma/client";
import { findFeedComments, findFeedLabel, findFeedPost, findFeedPosts, findSitemapContent } from "../lib/queries/feeds";
import { seedDatabase } from "../scripts/lib/demo-content";
import { withMigratedDatabase } from "./support/databases";

// The feed and sitemap queries against the demo blog, plus posts readers must never see through
// them: a draft, a post scheduled for tomorrow and a post in the trash, each with a comment and
// a label of their own.

const TIME_ZONE = "Europe/London";
const TOOL_6 = "Tool 6: I have joined a professional networking site, reluctantly";

/** A client of the test's own that reports each SQL statement, to count them. */
function connect(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
}

describe("feed and sitemap queries", () => {
  const database = withMigratedDatabase();
  let db: ReturnType<typeof connect>;
  let queries: string[] = [];
  const hidden = { draft: "", scheduled: "", trashed: "" };
  let lateNightId = "";
  const now = () => new Date();

  beforeAll(async () => {
    await seedDatabase(database.url);
    db = connect(database.url);
    db.$on("query", (event) => queries.push(event.query));

    const author = await db.user.findUniqueOrThrow({ where: { email: "maggie@example.com" }, select: { id: true } });
    const reader = await db.user.findUniqueOrThrow({ where: { email: "annie@example.com" }, select: { id: true } });
    const networking = await db.label.findUniqueOrThrow({ where: { slug: "networking" }, select: { id: true } });
    const secret = await db.label.create({ data: { name: "Secret plans", slug: "secret-plans" }, select: { id: true } });
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);

    const hiddenPost = async (key: keyof typeof hidden, data: { status: "DRAFT" | "SCHEDULED" | "PUBLISHED"; publishedAt: Date | null; permalink: string | null; trashedAt?: Date }) => {
      const post = await db.post.create({
        data: {
          title: `The ${key} post`,
          slug: `the-${key}-post`,
          bodyHtml: `<p>Not for readers yet: ${key}.</p>`,
          authorId: author.id,
          ...data,
          labels: { create: [{ labelId: networking.id }, { labelId: secret.id }] },
          comments: { create: { userId: reader.id, bodyHtml: `<p>A comment on the ${key} post.</p>`, idempotencyKey: `test:${key}` } },
        },
        select: { id: true },
      });
      hidden[key] = post.id;
    };
    // A draft that was once published keeps its permalink and date: its status alone hides it.
    await hiddenPost("draft", { status: "DRAFT", publishedAt: new Date("2013-05-02T10:00:00Z"), permalink: "/2013/05/the-draft-post" });
    await hiddenPost("scheduled", { status: "SCHEDULED", publishedAt: tomorrow, permalink: `/2099/01/the-scheduled-post` });
    await hiddenPost("trashed", {
      status: "PUBLISHED",
      publishedAt: new Date("2013-03-02T10:00:00Z"),
      permalink: "/2013/03/the-trashed-post",
      trashedAt: new Date(),
    });

    // 00:30 on 1 October 2013 in London, 23:30 on 30 September in UTC: an October post.
    const lateNight = await db.post.create({
      data: {
        title: "Past midnight",
        slug: "past-midnight",
        permalink: "/2013/10/past-midnight",
        bodyHtml: "<p>Late.</p>",
        status: "PUBLISHED",
        publishedAt: new Date("2013-09-30T23:30:00Z"),
        authorId: author.id,
        comments: {
          create: [
            { authorName: "Held back", bodyHtml: "<p>Waiting for moderation.</p>", status: "PENDING", idempotencyKey: "test:pending" },
            { authorName: "Spammer", bodyHtml: "<p>Buy now.</p>", status: "SPAM", idempotencyKey: "test:spam" },
          ],
        },
      },
      select: { id: true },
    });
    lateNightId = lateNight.id;
    await db.page.create({ data: { title: "Unfinished page", slug: "unfinished", bodyHtml: "<p>Draft.</p>", authorId: author.id } });
  });

  afterAll(async () => {
    await db?.$disconnect();
  });

  test("the posts feed has the newest visible posts, newest first, with author, labels and full body", async () => {
    const posts = await findFeedPosts(db, { now: now(), take: 100 });

    expect(posts).toHaveLength(23);
    expect(posts[0]!.title).toBe("Past midnight");
    expect(posts[1]!.title).toBe("Closing up for Christmas");
    const publishedTimes = posts.map((post) => post.publishedAt.getTime());
    expect(publishedTimes).toEqual([...publishedTimes].sort((a, b) => b - a));

    const tool6 = posts.find((post) => post.title === TOOL_6)!;
    expect(tool6.path).toBe("/2011/09/tool-6-i-have-joined-a-professional-networking-site");
    expect(tool6.publishedAt.toISOString()).toBe("2011-09-08T08:41:00.000Z");
    expect(tool6.authorName).toBe("Maggie Ellery");
    expect(tool6.labels).toEqual(["Networking", "Tools"]);
    expect(tool6.bodyHtml).toMatch(/^<p>/);
    expect(tool6.updatedAt.getTime()).toBeGreaterThanOrEqual(tool6.publishedAt.getTime());

    expect(await findFeedPosts(db, { now: now(), take: 3 })).toEqual(posts.slice(0, 3));
  });

  test("no draft, scheduled or trashed post reaches any feed, the label feed included", async () => {
    const everything = await findFeedPosts(db, { now: now(), take: 100 });
    const networking = await findFeedLabel(db, { nameOrSlug: "Networking", now: now() });
    const labelled = await findFeedPosts(db, { now: now(), take: 100, labelId: networking!.id });

    for (const posts of [everything, labelled]) {
      const ids = posts.map((post) => post.id);
      expect(ids).not.toContain(hidden.draft);
      expect(ids).not.toContain(hidden.scheduled);
      expect(ids).not.toContain(hidden.trashed);
    }
    for (const id of Object.values(hidden)) expect(await findFeedPost(db, { postId: id, now: now() })).toBeNull();
  });

  test("a scheduled post appears once its time has come", async () => {
    const tomorrow = new Date(Date.now() + 25 * 3600 * 1000);
    const posts = await findFeedPosts(db, { now: tomorrow, take: 1 });
    expect(posts.map((post) => post.id)).toEqual([hidden.scheduled]);
    // It changed for readers when it appeared, whenever it was last edited.
    expect(posts[0]!.updatedAt.getTime()).toBe(posts[0]!.publishedAt.getTime());
  });

  test("the Networking feed has the two Networking posts, 8 September 2011 among them", async () => {
    const label = await findFeedLabel(db, { nameOrSlug: "Networking", now: now() });
    expect(label).toMatchObject({ name: "Networking", slug: "networking" });
    const posts = await findFeedPosts(db, { now: now(), take: 25, labelId: label!.id });
    expect(posts.map((post) => post.title)).toEqual(["Tools 9 and 10: short messages, and looking back", TOOL_6]);
  });

  test("a label is found by its name, as Blogger's feed URLs have it, or by its slug; unknown and hidden-only labels are not", async () => {
    const byName = await findFeedLabel(db, { nameOrSlug: "Library life", now: now() });
    const bySlug = await findFeedLabel(db, { nameOrSlug: "library-life", now: now() });
    expect(byName).toMatchObject({ name: "Library life", slug: "library-life" });
    expect(bySlug).toEqual(byName);

    expect(await findFeedLabel(db, { nameOrSlug: "Knitting", now: now() })).toBeNull();
    // Only on hidden posts: its name must not leak either.
    expect(await findFeedLabel(db, { nameOrSlug: "Secret plans", now: now() })).toBeNull();
  });

  test("the comments feed has visible comments on visible posts only, newest first, with their authors", async () => {
    const comments = await findFeedComments(db, { now: now(), take: 100 });
    const bodies = comments.map((comment) => comment.bodyHtml).join("\n");

    expect(bodies).not.toMatch(/A comment on the (draft|scheduled|trashed) post/);
    expect(bodies).not.toContain("Waiting for moderation");
    expect(bodies).not.toContain("Buy now");
    const created = comments.map((comment) => comment.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));

    const bernard = comments.find((comment) => comment.author.name === "Bernard")!;
    expect(bernard.author.url).toBe("https://example.com/bernard");
    expect(bernard.post.path).toMatch(/^\/\d{4}\/\d{2}\/[a-z0-9-]+$/);

    expect(await findFeedComments(db, { now: now(), take: 2 })).toEqual(comments.slice(0, 2));
  });

  test("a post's comments feed has its comments: Annie Johnson's on 8 September 2011", async () => {
    const tool6 = (await findFeedPosts(db, { now: now(), take: 100 })).find((post) => post.title === TOOL_6)!;
    const post = await findFeedPost(db, { postId: tool6.id, now: now() });
    expect(post).toEqual({ id: tool6.id, title: TOOL_6, path: tool6.path, publishedAt: tool6.publishedAt });

    const comments = await findFeedComments(db, { now: now(), take: 25, postId: tool6.id });
    expect(comments.map((comment) => comment.author)).toEqual([{ name: "Annie Johnson", url: null }]);
    expect(comments[0]!.post).toEqual({ id: tool6.id, title: TOOL_6, path: tool6.path });

    // Held-back and spam comments stay out of their post's feed too; hidden posts' comments are not served by id.
    expect(await findFeedComments(db, { now: now(), take: 25, postId: lateNightId })).toEqual([]);
    expect(await findFeedComments(db, { now: now(), take: 25, postId: hidden.trashed })).toEqual([]);
  });

  test("the sitemap lists visible posts, their months in the blog's time zone, labels with visible posts and published pages", async () => {
    const content = await findSitemapContent(db, { now: now(), timeZone: TIME_ZONE });
    const paths = (entries: { path: string }[]) => entries.map((entry) => entry.path);

    expect(content.posts).toHaveLength(23);
    expect(paths(content.posts)).toContain("/2011/09/tool-6-i-have-joined-a-professional-networking-site");
    expect(paths(content.posts).join()).not.toMatch(/the-(draft|scheduled|trashed)-post/);

    expect(paths(content.months)).toContain("/2011/09");
    expect(paths(content.months)[0]).toBe("/2013/10");
    expect(paths(content.months)).not.toContain("/2013/09");
    expect(paths(content.months)).not.toContain("/2013/05");
    expect(paths(content.months)).not.toContain("/2013/03");
    expect(new Set(paths(content.months)).size).toBe(content.months.length);

    expect(paths(content.labels)).toEqual(
      ["allotment", "books", "library-life", "networking", "tools", "walks"].map((slug) => `/label/${slug}`),
    );
    expect(paths(content.pages)).toEqual(["/p/about"]);

    // Each month and label changed when its newest-changed post did; the home page when any did.
    const tool6 = content.posts.find((post) => post.path.startsWith("/2011/09/"))!;
    expect(content.months.find((month) => month.path === "/2011/09")!.lastModified).toEqual(tool6.lastModified);
    const newest = Math.max(...content.posts.map((post) => post.lastModified!.getTime()));
    expect(content.home).toEqual({ path: "/", lastModified: new Date(newest) });
  });

  test("a feed is a fixed number of queries, however many entries it has", async () => {
    const count = async (run: () => Promise<unknown>) => {
      queries = [];
      await run();
      return queries.length;
    };
    const few = await count(() => findFeedPosts(db, { now: now(), take: 2 }));
    expect(await count(() => findFeedPosts(db, { now: now(), take: 100 }))).toBe(few);
    const fewComments = await count(() => findFeedComments(db, { now: now(), take: 2 }));
    expect(await count(() => findFeedComments(db, { now: now(), take: 100 }))).toBe(fewComments);
    expect(await count(() => findSitemapContent(db, { now: now(), timeZone: TIME_ZONE }))).toBeLessThanOrEqual(4);
  });
});
