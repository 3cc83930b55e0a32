import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { runSql } from "../tests/support/sql";

// Old addresses of a blog moved in from Blogger or WordPress, followed as a reader's browser and a
// crawler would. Each test seeds the rows an import leaves behind (Redirect rows, a label, a post
// with a comment) straight into the blog's database, and removes them after itself (the file's
// tests run in parallel, in different workers).

const databaseUrl = () => process.env.DATABASE_URL!;
const ENTRY = "/2011/09/tool-6-i-have-joined-a-professional-networking-site";
const ENTRY_TITLE = "Tool 6: I have joined a professional networking site, reluctantly";

let cleanups: string[][] = [];

async function addRedirects(rows: Record<string, string>) {
  for (const [fromPath, toPath] of Object.entries(rows)) {
    const id = `e2e-legacy-${randomUUID()}`;
    cleanups.push([`DELETE FROM "Redirect" WHERE id = $1`, id]);
    await runSql(databaseUrl(), `INSERT INTO "Redirect" (id, "fromPath", "toPath") VALUES ($1, $2, $3)`, [id, fromPath, toPath]);
  }
}

test.afterEach(async () => {
  for (const [sql, id] of cleanups) await runSql(databaseUrl(), sql!, [id]);
  cleanups = [];
});

/** A 308 to `to` (a path, with its query and fragment), however Next or the proxy spelled the Location. */
async function expectRedirect(request: APIRequestContext, from: string, to: string) {
  const response = await request.get(from, { maxRedirects: 0 });
  expect(response.status(), from).toBe(308);
  const location = new URL(response.headers().location!, "http://blog.test");
  expect(`${location.pathname}${location.search}${location.hash}`, from).toBe(to);
}

test.describe("Blogger's addresses", () => {
  test("a post's .html address, with or without ?m=1, and an old .html slug with accents", async ({ page, request }) => {
    await addRedirects({ "/2011/09/été-à-paris.html": ENTRY });
    // Twice: the second answer is the cached one.
    for (let attempt = 0; attempt < 2; attempt++) {
      await expectRedirect(request, `${ENTRY}.html`, ENTRY);
      await expectRedirect(request, "/2011/09/%C3%A9t%C3%A9-%C3%A0-paris.html", ENTRY);
    }
    await expectRedirect(request, `${ENTRY}.html?m=1`, `${ENTRY}?m=1`);
    await expectRedirect(request, `${ENTRY}?m=1`, ENTRY);
    await expectRedirect(request, "/?m=0", "/");

    const response = await page.goto(`${ENTRY}.html?m=1`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(ENTRY);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENTRY_TITLE);
  });

  test("a static page's .html address", async ({ page, request }) => {
    await expectRedirect(request, "/p/about.html", "/p/about");
    await expectRedirect(request, "/p/about?m=1", "/p/about");
    await page.goto("/p/about.html");
    await expect(page).toHaveURL(/\/p\/about$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this blog");
  });

  test("?showComment= leads to that comment on the post", async ({ page, request }) => {
    const author = (await runSql(databaseUrl(), `SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`)).rows[0].id as string;
    cleanups.push([`DELETE FROM "Post" WHERE id = $1`, "e2e-legacy-letters"]);
    await runSql(
      databaseUrl(),
      `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
       VALUES ('e2e-legacy-letters', 'Letters from the old blog', 'e2e-legacy-letters', '/2010/02/e2e-legacy-letters', '<p>Moved in from Blogger.</p>', 'PUBLISHED', '2010-02-14T10:00:00Z', $1, now())`,
      [author],
    );
    await runSql(
      databaseUrl(),
      `INSERT INTO "Comment" (id, "postId", "authorName", "bodyHtml", "createdAt", "idempotencyKey")
       VALUES ('e2e-legacy-comment', 'e2e-legacy-letters', 'Olive Oldreader', '<p>I followed you here from Blogger.</p>', '2010-02-15T08:15:42.123Z', 'import:e2e-legacy-comment')`,
    );
    const at = Date.parse("2010-02-15T08:15:42.123Z");
    await expectRedirect(request, `/2010/02/e2e-legacy-letters?showComment=${at}`, "/2010/02/e2e-legacy-letters#ce2e-legacy-comment");
    await expectRedirect(request, `/2010/02/e2e-legacy-letters.html?showComment=${at}`, `/2010/02/e2e-legacy-letters?showComment=${at}`);
    await expectRedirect(request, `/2010/02/e2e-legacy-letters?showComment=${at + 7}`, "/2010/02/e2e-legacy-letters");

    await page.goto(`/2010/02/e2e-legacy-letters.html?showComment=${at}#c${at}`);
    await expect(page).toHaveURL(/\/2010\/02\/e2e-legacy-letters#ce2e-legacy-comment$/);
    await expect(page.locator("#ce2e-legacy-comment")).toContainText("I followed you here from Blogger.");
  });

  test("a label's address finds the label by its name, in any script", async ({ page, request }) => {
    cleanups.push([`DELETE FROM "Label" WHERE id = $1`, "e2e-legacy-label"]);
    await runSql(databaseUrl(), `INSERT INTO "Label" (id, name, slug) VALUES ('e2e-legacy-label', '日本の本', 'nihon-no-hon')`);
    await expectRedirect(request, "/search/label/%E6%97%A5%E6%9C%AC%E3%81%AE%E6%9C%AC", "/label/nihon-no-hon");
    await expectRedirect(request, "/search/label/Networking?max-results=7", "/label/networking");
    // A name no label has goes where a label of that name would be.
    await expectRedirect(request, "/search/label/Bus%20Timetables", "/label/bus-timetables");
    await page.goto("/search/label/日本の本");
    await expect(page).toHaveURL(/\/label\/nihon-no-hon$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts with the label 日本の本");
  });

  test("the feed and 'Older posts' addresses", async ({ page, request }) => {
    const rss = await request.get("/feeds/posts/default?alt=rss");
    expect(rss.status()).toBe(200);
    expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    await expectRedirect(request, "/search?updated-max=2011-09-08T10:00:00%2B01:00&max-results=7", "/2011/09");
    await page.goto("/search?updated-max=2011-09-08T10:00:00%2B01:00&max-results=7");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts from September 2011");
  });
});

test.describe("WordPress's addresses", () => {
  test("?p=, ?page_id= and ?tag=, at the root or in the old blog's subdirectory", async ({ page, request }) => {
    await addRedirects({ "/?p=9001": ENTRY, "/?page_id=9002": "/p/about", "/tag/e2e-long-reads": "/label/networking", "/blog?p=9003": ENTRY });
    await expectRedirect(request, "/?p=9001", ENTRY);
    await expectRedirect(request, "/?p=9001&replytocom=4", ENTRY);
    await expectRedirect(request, "/?page_id=9002", "/p/about");
    await expectRedirect(request, "/?tag=e2e-long-reads", "/label/networking");
    await expectRedirect(request, "/blog?p=9003", ENTRY);
    // Unknown ids and other queries leave the home page alone.
    expect((await request.get("/?p=9999", { maxRedirects: 0 })).status()).toBe(200);
    expect((await request.get("/?utm_source=newsletter", { maxRedirects: 0 })).status()).toBe(200);

    await page.goto("/?p=9001");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENTRY_TITLE);
    await page.goto("/blog/?p=9003");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENTRY_TITLE);
  });

  test("date, postname and archive permalinks, with or without their trailing slash", async ({ page, request }) => {
    await addRedirects({
      "/2011/09/08/tool-6-old-name": ENTRY,
      "/e2e-legacy-postname": ENTRY,
      "/archives/9005": ENTRY,
      "/blog/2011/09/08/tool-6-old-name": ENTRY,
      "/blog/e2e-legacy-postname": ENTRY,
    });
    await expectRedirect(request, "/2011/09/08/tool-6-old-name", ENTRY);
    await expectRedirect(request, "/blog/2011/09/08/tool-6-old-name", ENTRY);
    await expectRedirect(request, "/blog/e2e-legacy-postname", ENTRY);
    // No row: the day-and-name form of a real slug finds its post.
    await expectRedirect(request, "/2011/09/08/tool-6-i-have-joined-a-professional-networking-site", ENTRY);
    // Twice: the second answer is the cached one.
    for (let attempt = 0; attempt < 2; attempt++) {
      await expectRedirect(request, "/e2e-legacy-postname", ENTRY);
      await expectRedirect(request, "/archives/9005", ENTRY);
    }
    await expectRedirect(request, "/e2e-legacy-postname/", "/e2e-legacy-postname");
    expect((await request.get("/e2e-legacy-no-such-post", { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get("/2011/09/08/e2e-legacy-no-such-post", { maxRedirects: 0 })).status()).toBe(404);

    await page.goto("/e2e-legacy-postname/");
    await expect(page).toHaveURL(new RegExp(`${ENTRY}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENTRY_TITLE);
  });

  test("category and tag pages lead to the label's page", async ({ page, request }) => {
    await addRedirects({
      "/category/e2e-reading": "/label/tools",
      "/category/e2e-reading/e2e-poetry": "/label/networking",
      "/category/e2e-reading/e2e-poetry/e2e-sonnets": "/label/networking",
      "/tag/e2e-long-reads": "/label/tools",
    });
    await expectRedirect(request, "/category/e2e-reading", "/label/tools");
    await expectRedirect(request, "/category/e2e-reading/e2e-poetry", "/label/networking");
    await expectRedirect(request, "/category/e2e-reading/e2e-poetry/e2e-sonnets", "/label/networking");
    await expectRedirect(request, "/tag/e2e-long-reads", "/label/tools");
    await expectRedirect(request, "/category/e2e-reading/", "/category/e2e-reading");

    await page.goto("/tag/e2e-long-reads/");
    await expect(page).toHaveURL(/\/label\/tools$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts with the label Tools");
  });

  test("feeds: the blog's, its comments', and one post's", async ({ request }) => {
    await expectRedirect(request, "/feed", "/feeds/posts/default");
    await expectRedirect(request, "/feed/atom", "/feeds/posts/default");
    await expectRedirect(request, "/feed/rss2", "/feeds/posts/default?alt=rss");
    await expectRedirect(request, "/?feed=rss2", "/feeds/posts/default?alt=rss");
    await expectRedirect(request, "/comments/feed", "/feeds/comments/default");
    await expectRedirect(request, "/blog/feed", "/feeds/posts/default");
    const postId = (await runSql(databaseUrl(), `SELECT id FROM "Post" WHERE permalink = $1`, [ENTRY])).rows[0].id as string;
    await expectRedirect(request, `${ENTRY}/feed`, `/feeds/${postId}/comments/default`);

    // Followed to the end, as a feed reader does.
    for (const [from, type] of [["/feed/", "application/atom+xml"], ["/feed/rss2/", "application/rss+xml"], ["/comments/feed", "application/atom+xml"]] as const) {
      const feed = await request.get(from);
      expect(feed.status(), from).toBe(200);
      expect(feed.headers()["content-type"], from).toBe(`${type}; charset=utf-8`);
    }
  });

  test("a row that points off the site is never followed", async ({ request }) => {
    await addRedirects({ "/e2e-legacy-evil": "//evil.example/phish", "/?p=9666": "https://evil.example/phish" });
    expect((await request.get("/e2e-legacy-evil", { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get("/?p=9666", { maxRedirects: 0 })).status()).toBe(200);
  });
});
