import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test, type APIResponse } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import pg from "pg";

// Feeds, sitemap and robots.txt of the demo blog, read as a feed reader and a crawler would: over
// HTTP, with an independent feed parser and a strict XML check.

// The blog's public address (NEXTAUTH_URL), which the global setup sets to the address under test.
const SITE = `http://127.0.0.1:${process.env.E2E_PORT}`;
const TOOL_6 = "Tool 6: I have joined a professional networking site, reluctantly";
const TOOL_6_URL = `${SITE}/2011/09/tool-6-i-have-joined-a-professional-networking-site`;

async function readFeed(response: APIResponse, contentType: string) {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(contentType);
  const body = await response.text();
  expect(XMLValidator.validate(body)).toBe(true);
  return { body, feed: parseFeed(body) };
}

const ATOM = "application/atom+xml; charset=utf-8";
const RSS = "application/rss+xml; charset=utf-8";

/** The blog's own links in a feed (ids, links, guids, hrefs), outside the escaped HTML content. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/\s(?:href|ref)="([^"]*)"|<(?:id|link|guid|comments)>([^<]*)</g)].map((match) => match[1] ?? match[2]!);
}

// Posts readers must never see, added to the blog under test before this file reads any feed (each
// worker runs this, so it is idempotent), so that no cached feed predates them.
test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Label" (id, name, slug) VALUES ('e2e-zanzibar', 'Zanzibar plans', 'zanzibar-plans') ON CONFLICT DO NOTHING`);
    await client.query(
      `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "trashedAt", "authorId", "updatedAt")
       SELECT v.id, v.title, v.id, v.permalink, '<p>Zanzibar: not for readers.</p>', v.status::"PostStatus", v.published::timestamp, v.trashed::timestamp, u.id, now()
         FROM (VALUES
           ('e2e-draft', 'Zanzibar draft', '/2013/05/e2e-draft', 'DRAFT', '2013-05-02 10:00', NULL),
           ('e2e-scheduled', 'Zanzibar scheduled', '/2099/01/e2e-scheduled', 'SCHEDULED', (now() + interval '7 days')::text, NULL),
           ('e2e-trashed', 'Zanzibar trashed', '/2013/03/e2e-trashed', 'PUBLISHED', '2013-03-02 10:00', now()::text)
         ) AS v(id, title, permalink, status, published, trashed)
         JOIN "User" u ON u.email = 'maggie@example.com'
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "PostLabel" ("postId", "labelId")
       SELECT p.id, l.id FROM "Post" p, "Label" l WHERE p.id LIKE 'e2e-%' AND l.slug IN ('networking', 'zanzibar-plans')
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO "Comment" (id, "postId", "authorName", "bodyHtml", status, "idempotencyKey")
       SELECT 'e2e-comment-' || p.id, p.id, 'Zanzibar Jones', '<p>Zanzibar comment.</p>', 'VISIBLE'::"CommentStatus", 'e2e:' || p.id FROM "Post" p WHERE p.id LIKE 'e2e-%'
       UNION ALL
       SELECT 'e2e-pending', p.id, 'Zanzibar Jones', '<p>Zanzibar, held for moderation.</p>', 'PENDING'::"CommentStatus", 'e2e:pending' FROM "Post" p WHERE p.title = $1
       ON CONFLICT DO NOTHING`,
      [TOOL_6],
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
});

test.describe("the blog's feeds", () => {
  test("Atom at Blogger's address: the newest posts (up to 25) with full content, authors, labels and absolute links", async ({ request }) => {
    const { body, feed } = await readFeed(await request.get("/feeds/posts/default"), ATOM);

    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Notes from the Reading Room");
    expect(feed.self).toBe(`${SITE}/feeds/posts/default`);
    expect(feed.url).toBe(`${SITE}/`);
    expect(feed.items).toHaveLength(22);
    expect(feed.items[0]!.title).toBe("Closing up for Christmas");
    expect(feed.items[0]!.published?.toISOString()).toBe("2012-12-22T18:40:00.000Z");

    const tool6 = feed.items.find((item) => item.title === TOOL_6)!;
    expect(tool6.url).toBe(TOOL_6_URL);
    expect(tool6.id).toBe(TOOL_6_URL);
    expect(tool6.published?.toISOString()).toBe("2011-09-08T08:41:00.000Z");
    expect(tool6.authors.map((author) => author.name)).toEqual(["Maggie Ellery"]);
    expect(tool6.categories.map((category) => category.term)).toEqual(["Networking", "Tools"]);
    expect(tool6.content).toContain("professional networking");
    expect(tool6.content).toMatch(/^<p>/);

    for (const link of linksIn(body)) expect(link).toMatch(new RegExp(`^${SITE}/`));
  });

  test("RSS 2.0 with ?alt=rss, and max-results within 1 to 100", async ({ request }) => {
    const { body, feed } = await readFeed(await request.get("/feeds/posts/default?alt=rss&max-results=5"), RSS);
    expect(feed.meta.type).toBe("rss");
    expect(feed.self).toBe(`${SITE}/feeds/posts/default?alt=rss`);
    expect(feed.items.map((item) => item.title)).toEqual([
      "Closing up for Christmas",
      "Fog on the towpath",
      "Tools 9 and 10: short messages, and looking back",
      "The book group tackles a doorstop",
      "Seed potatoes and a disagreement with a pigeon",
    ]);
    expect(feed.items[2]!.authors.map((author) => author.name)).toEqual(["Maggie Ellery"]);
    expect(new XMLParser().parse(body).rss.channel.item[0].description).toMatch(/^<p>/);
    for (const link of linksIn(body)) expect(link).toMatch(new RegExp(`^${SITE}/`));

    expect(parseFeed(await (await request.get("/feeds/posts/default?max-results=0")).text()).items).toHaveLength(1);
    expect(parseFeed(await (await request.get("/feeds/posts/default?max-results=500")).text()).items).toHaveLength(22);
    expect((await request.get("/feeds/posts/default?alt=json")).status()).toBe(400);
  });

  test("a label's feed by its name, as Blogger's URLs have it: 8 September 2011 under Networking", async ({ request }) => {
    for (const format of [ATOM, RSS]) {
      const { feed } = await readFeed(await request.get(`/feeds/posts/default/-/Networking${format === RSS ? "?alt=rss" : ""}`), format);
      expect(feed.title).toBe("Notes from the Reading Room: Networking");
      expect(feed.url).toBe(`${SITE}/label/networking`);
      expect(feed.items.map((item) => item.title)).toEqual(["Tools 9 and 10: short messages, and looking back", TOOL_6]);
      expect(feed.items[1]!.published?.toISOString()).toBe("2011-09-08T08:41:00.000Z");
    }
  });

  test("label names with spaces, URL-encoded, and label slugs both work; an unknown label is a 404", async ({ request }) => {
    const byName = await readFeed(await request.get("/feeds/posts/default/-/Library%20life"), ATOM);
    const bySlug = await readFeed(await request.get("/feeds/posts/default/-/library-life"), ATOM);
    expect(byName.feed.self).toBe(`${SITE}/feeds/posts/default/-/Library%20life`);
    expect(byName.feed.items.length).toBeGreaterThan(3);
    expect(bySlug.body).toBe(byName.body);
    for (const item of byName.feed.items) expect(item.categories.map((category) => category.term)).toContain("Library life");

    const unknown = await request.get("/feeds/posts/default/-/Knitting");
    expect(unknown.status()).toBe(404);
  });

  test("the comments feed: the newest visible comments across the blog, each linking to its post", async ({ request }) => {
    const { body, feed } = await readFeed(await request.get("/feeds/comments/default"), ATOM);
    expect(feed.title).toBe("Notes from the Reading Room: comments");
    expect(feed.items.length).toBeGreaterThan(5);
    const published = feed.items.map((item) => item.published!.getTime());
    expect(published).toEqual([...published].sort((a, b) => b - a));
    for (const item of feed.items) {
      expect(item.url).toMatch(new RegExp(`^${SITE}/\\d{4}/\\d{2}/[a-z0-9-]+#c`));
      expect(item.authors[0]!.name).toBeTruthy();
    }
    for (const link of linksIn(body)) expect(link).toMatch(new RegExp(`^${SITE}/`));

    const rss = await readFeed(await request.get("/feeds/comments/default?alt=rss&max-results=3"), RSS);
    expect(rss.feed.items.map((item) => item.url)).toEqual(feed.items.slice(0, 3).map((item) => item.url));
  });

  test("a post's comments feed, linked from its entry: Annie Johnson's comment on 8 September 2011", async ({ request }) => {
    const { body } = await readFeed(await request.get("/feeds/posts/default/-/Networking"), ATOM);
    const entries = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "entry" || name === "link" }).parse(body)
      .feed.entry;
    const tool6 = entries.find((entry: { id: string }) => entry.id === TOOL_6_URL);
    const repliesFeed = tool6.link.find((link: Record<string, string>) => link["@rel"] === "replies" && link["@type"] === "application/atom+xml")["@href"];
    expect(repliesFeed).toMatch(new RegExp(`^${SITE}/feeds/[^/]+/comments/default$`));

    const comments = await readFeed(await request.get(new URL(repliesFeed).pathname), ATOM);
    expect(comments.feed.title).toBe(`Notes from the Reading Room: comments on ${TOOL_6}`);
    expect(comments.feed.items).toHaveLength(1);
    expect(comments.feed.items[0]!.authors[0]!.name).toBe("Annie Johnson");
    expect(comments.feed.items[0]!.title).toMatch(/^I feel much the same about the whole business, Maggie\. /);
    expect(comments.feed.items[0]!.url).toMatch(new RegExp(`^${TOOL_6_URL}#c`));

    expect((await request.get("/feeds/no-such-post/comments/default")).status()).toBe(404);
  });

  test("conditional GET: the same feed again is a 304 without a body, by ETag or by date", async ({ request }) => {
    for (const path of ["/feeds/posts/default", "/feeds/posts/default?alt=rss", "/feeds/comments/default", "/feeds/posts/default/-/Networking"]) {
      const first = await request.get(path);
      expect(first.status()).toBe(200);
      const etag = first.headers()["etag"]!;
      const lastModified = first.headers()["last-modified"]!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(new Date(lastModified).getTime()).toBeLessThanOrEqual(Date.now());

      const byEtag = await request.get(path, { headers: { "If-None-Match": etag } });
      expect(byEtag.status()).toBe(304);
      expect(await byEtag.body()).toHaveLength(0);
      expect(byEtag.headers()["etag"]).toBe(etag);

      const byDate = await request.get(path, { headers: { "If-Modified-Since": lastModified } });
      expect(byDate.status()).toBe(304);
      expect(await byDate.body()).toHaveLength(0);

      const stale = await request.get(path, { headers: { "If-None-Match": `"something-older"` } });
      expect(stale.status()).toBe(200);
      expect((await stale.text()).length).toBeGreaterThan(0);
      const older = await request.get(path, { headers: { "If-Modified-Since": "Thu, 01 Jan 2009 00:00:00 GMT" } });
      expect(older.status()).toBe(200);
    }
  });
});

test.describe("what readers must not see", () => {
  test("drafts, scheduled and trashed posts and their comments are in no feed", async ({ request }) => {
    for (const path of [
      "/feeds/posts/default?max-results=100",
      "/feeds/posts/default?alt=rss&max-results=100",
      "/feeds/posts/default/-/Networking",
      "/feeds/comments/default?max-results=100",
      "/feeds/comments/default?alt=rss&max-results=100",
    ]) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expect(await response.text()).not.toContain("Zanzibar");
    }
    const networking = await readFeed(await request.get("/feeds/posts/default/-/Networking"), ATOM);
    expect(networking.feed.items).toHaveLength(2);

    // A label used only by hidden posts, and the hidden posts' comment feeds, do not exist for readers.
    for (const path of ["/feeds/posts/default/-/Zanzibar%20plans", "/feeds/posts/default/-/zanzibar-plans"]) {
      expect((await request.get(path)).status()).toBe(404);
    }
    for (const id of ["e2e-draft", "e2e-scheduled", "e2e-trashed"]) {
      expect((await request.get(`/feeds/${id}/comments/default`)).status()).toBe(404);
    }
  });

  test("nor in the sitemap", async ({ request }) => {
    const body = await (await request.get("/sitemap.xml")).text();
    expect(body).not.toContain("e2e-");
    expect(body).not.toContain("zanzibar");
    expect(body).not.toContain(`${SITE}/2013/`);
    expect(body).not.toContain(`${SITE}/2099/`);
  });
});

test.describe("for crawlers", () => {
  test("the sitemap lists every post, archive month, label and page, with absolute addresses and dates", async ({ request }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/xml/);
    const body = await response.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const urls: { loc: string; lastmod?: string }[] = new XMLParser({ isArray: (name) => name === "url" }).parse(body).urlset.url;
    const locs = urls.map((url) => url.loc);

    for (const loc of locs) expect(loc).toMatch(new RegExp(`^${SITE}/`));
    expect(locs).toContain(`${SITE}/`);
    expect(locs).toContain(TOOL_6_URL);
    expect(locs.filter((loc) => /^[^#]*\/\d{4}\/\d{2}\/[a-z0-9-]+$/.test(loc))).toHaveLength(22);
    expect(locs).toContain(`${SITE}/2011/09`);
    expect(locs).toContain(`${SITE}/2010/02`);
    expect(locs).toContain(`${SITE}/label/networking`);
    expect(locs).toContain(`${SITE}/label/library-life`);
    expect(locs).toContain(`${SITE}/p/about`);
    expect(new Set(locs).size).toBe(locs.length);
    for (const url of urls) expect(Number.isNaN(Date.parse(url.lastmod!))).toBe(false);
  });

  test("robots.txt lets crawlers everywhere but the dashboard and the API, and names the sitemap", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    const lines = (await response.text()).split("\n").map((line) => line.trim());
    expect(lines).toContain("User-Agent: *");
    expect(lines).toContain("Allow: /");
    expect(lines).toContain("Disallow: /dashboard");
    expect(lines).toContain("Disallow: /api/");
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});
