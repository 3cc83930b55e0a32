import { beforeAll, describe, expect, test } from "vitest";
import { seedDatabase } from "../scripts/lib/demo-content";
import { withMigratedDatabase } from "./support/databases";
import { addHiddenPosts } from "./support/reader-fixtures";
import { runSql } from "./support/sql";

// The reader pages' queries, against the demo blog plus posts readers must never see.
const database = withMigratedDatabase();
let queries: {
  lists: typeof import("../lib/queries/post-lists");
  postPage: typeof import("../lib/queries/post-page");
  sidebar: typeof import("../lib/queries/sidebar");
  search: typeof import("../lib/queries/search");
  db: typeof import("../lib/db").db;
};

beforeAll(async () => {
  await seedDatabase(database.url);
  await addHiddenPosts(database.url);
  // lib/db.ts connects to DATABASE_URL on first import.
  process.env.DATABASE_URL = database.url;
  queries = {
    lists: await import("../lib/queries/post-lists"),
    postPage: await import("../lib/queries/post-page"),
    sidebar: await import("../lib/queries/sidebar"),
    search: await import("../lib/queries/search"),
    db: (await import("../lib/db")).db,
  };
});

const now = () => new Date();
const all = { kind: "all" } as const;

async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; count: number }> {
  let count = 0;
  const listener = () => count++;
  queries.db.$on("query", listener);
  try {
    return { result: await run(), count };
  } finally {
    // Prisma has no $off: the counter is left behind and simply stops mattering.
    count = Number.NaN;
  }
}

describe("post lists", () => {
  test("page through every visible post by cursor, newest first, none twice, none hidden", async () => {
    const visible = await runSql(
      database.url,
      `SELECT id FROM "Post" WHERE status = 'PUBLISHED' AND "trashedAt" IS NULL ORDER BY "publishedAt" DESC, id DESC`,
    );
    const seen: string[] = [];
    let page: import("../lib/queries/post-lists").PageRequest = {};
    for (let guard = 0; guard < 20; guard++) {
      const list = await queries.lists.listVisiblePosts({ scope: all, page, limit: 5, now: now() });
      seen.push(...list.posts.map((post) => post.id));
      if (!list.older) break;
      page = { older: list.older };
    }
    expect(seen).toEqual(visible.rows.map((row) => row.id));
    expect(seen.filter((id) => id.startsWith("hidden-"))).toEqual([]);
  });

  test("a post published meanwhile does not shift the pages already being read", async () => {
    const first = await queries.lists.listVisiblePosts({ scope: all, page: {}, limit: 5, now: now() });
    const second = await queries.lists.listVisiblePosts({ scope: all, page: { older: first.older! }, limit: 5, now: now() });
    await runSql(database.url, `UPDATE "Post" SET status = 'PUBLISHED', "publishedAt" = now() - interval '1 second' WHERE id = 'hidden-draft'`);
    try {
      const again = await queries.lists.listVisiblePosts({ scope: all, page: { older: first.older! }, limit: 5, now: now() });
      expect(again.posts.map((post) => post.id)).toEqual(second.posts.map((post) => post.id));
      const newest = await queries.lists.listVisiblePosts({ scope: all, page: {}, limit: 5, now: now() });
      expect(newest.posts[0]!.id).toBe("hidden-draft");
    } finally {
      await runSql(database.url, `UPDATE "Post" SET status = 'DRAFT', "publishedAt" = '2012-12-30T10:00:00Z' WHERE id = 'hidden-draft'`);
    }
  });

  test("going back with a newer-than cursor returns the page before", async () => {
    const first = await queries.lists.listVisiblePosts({ scope: all, page: {}, limit: 4, now: now() });
    const second = await queries.lists.listVisiblePosts({ scope: all, page: { older: first.older! }, limit: 4, now: now() });
    expect(second.newer).toBeDefined();
    const back = await queries.lists.listVisiblePosts({ scope: all, page: { newer: second.newer! }, limit: 4, now: now() });
    expect(back.posts.map((post) => post.id)).toEqual(first.posts.map((post) => post.id));
    expect(back.newer).toBeUndefined();
    expect(first.newer).toBeUndefined();
  });

  test("a scheduled post shows once its time has come", async () => {
    await runSql(database.url, `UPDATE "Post" SET "publishedAt" = now() + interval '2 seconds' WHERE id = 'hidden-future'`);
    try {
      const before = await queries.lists.listVisiblePosts({ scope: all, page: {}, limit: 3, now: now() });
      expect(before.posts.map((post) => post.id)).not.toContain("hidden-future");
      const later = new Date(Date.now() + 3000);
      const after = await queries.lists.listVisiblePosts({ scope: all, page: {}, limit: 3, now: later });
      expect(after.posts[0]!.id).toBe("hidden-future");
    } finally {
      await runSql(database.url, `UPDATE "Post" SET "publishedAt" = '2999-01-01T10:00:00Z' WHERE id = 'hidden-future'`);
    }
  });

  test("archive periods and labels narrow the list", async () => {
    const june = await queries.lists.listVisiblePosts({ scope: { kind: "period", period: "2010/06" }, page: {}, limit: 10, now: now() });
    expect(june.posts.map((post) => post.permalink.slice(0, 9))).toEqual(["/2010/06/", "/2010/06/"]);
    const label = await queries.sidebar.findLabel({ slug: "networking" });
    const networking = await queries.lists.listVisiblePosts({ scope: { kind: "label", labelId: label!.id }, page: {}, limit: 10, now: now() });
    expect(networking.posts.every((post) => post.labels.some((l) => l.slug === "networking"))).toBe(true);
    expect(networking.posts.length).toBeGreaterThan(0);
  });

  test("comment counts count only visible comments", async () => {
    const list = await queries.lists.listVisiblePosts({ scope: { kind: "period", period: "2011/09" }, page: {}, limit: 10, now: now() });
    expect(list.posts.map((post) => [post.title, post.commentCount])).toEqual([
      ["Tool 6: I have joined a professional networking site, reluctantly", 1],
    ]);
  });
});

describe("a cursor must name a visible post of its list, at its exact time", () => {
  type Cursor = import("../lib/queries/post-lists").Cursor;
  type ListScope = import("../lib/queries/post-lists").ListScope;
  const list = (scope: ListScope, page: import("../lib/queries/post-lists").PageRequest) =>
    queries.lists.listVisiblePosts({ scope, page, limit: 2, now: now() });
  const tools = async (): Promise<ListScope> => ({ kind: "label", labelId: (await queries.sidebar.findLabel({ slug: "tools" }))!.id });

  async function titlesByFollowingOlderLinks(scope: ListScope) {
    const titles: string[] = [];
    let page = await list(scope, {});
    for (let guard = 0; guard < 30; guard++) {
      titles.push(...page.posts.map((post) => post.title));
      if (!page.older) break;
      const older = await list(scope, { older: page.older });
      // Going back from any later page leads to the page it came from.
      expect((await list(scope, { newer: older.newer! })).posts).toEqual(page.posts);
      page = older;
    }
    return titles;
  }

  test("the Older posts links the lists render lead through every post, in the home page, a label and a year", async () => {
    for (const scope of [all, await tools(), { kind: "period", period: "2011" } as const]) {
      const everything = await queries.lists.listVisiblePosts({ scope, page: {}, limit: 100, now: now() });
      expect(everything.posts.length).toBeGreaterThan(2);
      expect(await titlesByFollowingOlderLinks(scope)).toEqual(everything.posts.map((post) => post.title));
    }
  });

  test("a made-up time, an unknown id, a hidden post or a post of another list gives no posts", async () => {
    const refused = async (scope: ListScope, cursor: Cursor) => {
      expect((await list(scope, { older: cursor })).posts, JSON.stringify(cursor)).toEqual([]);
      expect((await list(scope, { newer: cursor })).posts, JSON.stringify(cursor)).toEqual([]);
    };
    const accepted = async (scope: ListScope, cursor: Cursor) => {
      const pages = [await list(scope, { older: cursor }), await list(scope, { newer: cursor })];
      expect(pages.flatMap((page) => page.posts).length, JSON.stringify(cursor)).toBeGreaterThan(0);
    };
    const postsWhere = async (condition: string) =>
      (await runSql(database.url, `SELECT id, "publishedAt" FROM "Post" p WHERE ${condition} ORDER BY id`)).rows.map(
        (row): Cursor => ({ id: row.id as string, publishedAt: row.publishedAt as Date }),
      );

    const real = (await list(all, {})).older!;
    await accepted(all, real);
    await refused(all, { publishedAt: new Date(real.publishedAt.getTime() + 1), id: real.id });
    await refused(all, { publishedAt: new Date(real.publishedAt.getTime() - 1), id: real.id });
    await refused(all, { publishedAt: new Date(1_234_567_890_123), id: real.id });
    await refused(all, { publishedAt: real.publishedAt, id: "nosuchpost" });
    const hidden = await postsWhere(`id LIKE 'hidden-%'`);
    expect(hidden).toHaveLength(3);
    for (const cursor of hidden) await refused(all, cursor);

    const [untagged] = await postsWhere(
      `status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM "PostLabel" pl JOIN "Label" l ON l.id = pl."labelId" WHERE pl."postId" = p.id AND l.slug = 'tools')`,
    );
    await accepted(all, untagged!);
    await refused(await tools(), untagged!);
    await accepted(await tools(), (await list(await tools(), {})).older!);

    const [from2012] = await postsWhere(`status = 'PUBLISHED' AND permalink LIKE '/2012/%'`);
    await accepted({ kind: "period", period: "2012" }, from2012!);
    await refused({ kind: "period", period: "2011" }, from2012!);
  });
});

describe("a post and its comments", () => {
  test("finds a visible post by permalink, never a hidden one", async () => {
    const post = await queries.postPage.findVisiblePost({ permalink: "/2011/09/tool-6-i-have-joined-a-professional-networking-site", now: now() });
    expect(post?.authorName).toBe("Maggie Ellery");
    for (const id of ["hidden-draft", "hidden-future", "hidden-trashed"]) {
      expect(await queries.postPage.findVisiblePost({ permalink: `/2012/12/${id}`, now: now() })).toBeNull();
    }
  });

  test("threads replies, keeps removed comments only where replies hang, hides pending and spam", async () => {
    const post = await runSql(database.url, `SELECT id FROM "Post" WHERE slug = 'new-year-same-cardigan'`);
    const postId = post.rows[0].id as string;
    const add = (id: string, parent: string | null, status: string, minute: number) =>
      runSql(
        database.url,
        `INSERT INTO "Comment" (id, "postId", "parentId", "authorName", "bodyHtml", status, "idempotencyKey", "createdAt")
         VALUES ($1, $2, $3, $1, '<p>text</p>', $4::"CommentStatus", $1, timestamp '2012-01-08 10:00' + make_interval(mins => $5))`,
        [id, postId, parent, status, minute],
      );
    await add("root", null, "VISIBLE", 1);
    await add("reply", "root", "VISIBLE", 2);
    await add("reply-to-reply", "reply", "VISIBLE", 3);
    await add("removed-with-reply", null, "DELETED", 4);
    await add("reply-under-removed", "removed-with-reply", "VISIBLE", 5);
    await add("removed-alone", null, "DELETED", 6);
    await add("pending", null, "PENDING", 7);
    await add("spam", null, "SPAM", 8);

    const { count, thread } = await queries.postPage.listPostComments({ postId });

    expect(count).toBe(4);
    const shape = (nodes: typeof thread): unknown[] => nodes.map((node) => [node.removed ? "(removed)" : node.authorName, shape(node.replies)]);
    expect(shape(thread)).toEqual([
      ["root", [["reply", [["reply-to-reply", []]]]]],
      ["(removed)", [["reply-under-removed", []]]],
    ]);
    expect(thread[1]!.bodyHtml).toBe("");
  });

  test("previous and next skip hidden posts", async () => {
    const newest = await queries.postPage.findVisiblePost({ permalink: "/2012/12/closing-up-for-christmas", now: now() });
    const adjacent = await queries.postPage.findAdjacentPosts({ post: newest!, now: now() });
    expect(adjacent.newer).toBeNull();
    expect(adjacent.older?.permalink).toMatch(/^\/2012\/11\//);
  });

  test("a wrong month for a real slug points at the right permalink; hidden slugs point nowhere", async () => {
    expect(await queries.postPage.findPermalinksForSlug({ slug: "tool-6-i-have-joined-a-professional-networking-site", now: now() })).toEqual([
      "/2011/09/tool-6-i-have-joined-a-professional-networking-site",
    ]);
    expect(await queries.postPage.findPermalinksForSlug({ slug: "hidden-draft", now: now() })).toEqual([]);
  });
});

describe("sidebar and search", () => {
  test("archive counts per month and labels count only visible posts", async () => {
    const months = await queries.sidebar.countPostsByMonth({ now: now() });
    expect(months[0]).toEqual({ period: "2012/12", count: 1 });
    expect(months.reduce((sum, month) => sum + month.count, 0)).toBe(22);
    expect(months.find((month) => month.period === "2010/06")?.count).toBe(2);
    const labels = await queries.sidebar.listLabelCounts({ now: now() });
    expect(labels.reduce((sum, label) => sum + label.count, 0)).toBeGreaterThan(22);
    expect(labels.map((label) => label.name)).toEqual([...labels.map((label) => label.name)].sort());
  });

  test("search stems English words, ranks, snippets, pages, and never finds hidden posts", async () => {
    const results = await queries.search.searchPosts({ query: "allotments", page: 1, perPage: 2, now: now() });
    expect(results.total).toBeGreaterThan(2);
    expect(results.hits).toHaveLength(2);
    expect(results.hits.map((hit) => hit.id).some((id) => id.startsWith("hidden-"))).toBe(false);
    expect(results.hits[0]!.snippet).toMatch(/\u0001allotment/i);
    const pageTwo = await queries.search.searchPosts({ query: "allotments", page: 2, perPage: 2, now: now() });
    expect(pageTwo.hits.map((hit) => hit.id)).not.toContain(results.hits[0]!.id);
    expect((await queries.search.searchPosts({ query: "the and of", page: 1, perPage: 10, now: now() })).total).toBe(0);
    expect((await queries.search.searchPosts({ query: `"unclosed -( OR`, page: 1, perPage: 10, now: now() })).total).toBe(0);
  });
});

describe("query counts stay the same however much there is", () => {
  async function measure() {
    const { count: list } = await countQueries(() =>
      queries.lists.listVisiblePosts({ scope: all, page: {}, limit: 10, now: now() }).then(async (first) =>
        queries.lists.listVisiblePosts({ scope: all, page: { older: first.older! }, limit: 10, now: now() }),
      ),
    );
    const post = await runSql(database.url, `SELECT id FROM "Post" WHERE slug = 'closing-up-for-christmas'`);
    const { count: comments } = await countQueries(() => queries.postPage.listPostComments({ postId: post.rows[0].id }));
    const { count: sidebar } = await countQueries(() =>
      Promise.all([queries.sidebar.countPostsByMonth({ now: now() }), queries.sidebar.listLabelCounts({ now: now() })]),
    );
    const { count: search } = await countQueries(() => queries.search.searchPosts({ query: "garden", page: 1, perPage: 10, now: now() }));
    return { list, comments, sidebar, search };
  }

  test("lists, comment threads, sidebar and search", async () => {
    const small = await measure();
    // Ten times the posts, and 300 comments on one post.
    await runSql(
      database.url,
      `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
       SELECT 'bulk-' || n, 'Garden note ' || n, 'bulk-' || n, '/2009/01/bulk-' || n, '<p>The garden again.</p>', 'PUBLISHED',
              timestamp '2009-01-01' + make_interval(mins => n), (SELECT id FROM "User" WHERE role = 'ADMIN'), now()
         FROM generate_series(1, 220) n`,
    );
    await runSql(
      database.url,
      `INSERT INTO "PostLabel" ("postId", "labelId") SELECT 'bulk-' || n, (SELECT id FROM "Label" ORDER BY name LIMIT 1) FROM generate_series(1, 220) n`,
    );
    await runSql(
      database.url,
      `INSERT INTO "Comment" (id, "postId", "authorName", "bodyHtml", "idempotencyKey")
       SELECT 'bulk-c' || n, (SELECT id FROM "Post" WHERE slug = 'closing-up-for-christmas'), 'Reader ' || n, '<p>Hi</p>', 'bulk-c' || n
         FROM generate_series(1, 300) n`,
    );
    const large = await measure();
    expect(large).toEqual(small);
    expect(small.list).toBeLessThanOrEqual(12);
    expect(small.comments).toBeLessThanOrEqual(2);
  });
});
