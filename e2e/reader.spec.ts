import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const ENTRY = "/2011/09/tool-6-i-have-joined-a-professional-networking-site";
const ENTRY_TITLE = "Tool 6: I have joined a professional networking site, reluctantly";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

test.describe("a single entry", () => {
  test("shows the date header, title, author, labels, body, neighbours and its one comment", async ({ page }) => {
    const response = await page.goto(ENTRY);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${ENTRY_TITLE} | Notes from the Reading Room`);
    await expect(page.locator("p.date-header")).toHaveText("Thursday, 8 September 2011");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENTRY_TITLE);
    await expect(page.locator("article")).toContainText("Posted by Maggie Ellery at 09:41");
    await expect(page.locator("article").getByRole("link", { name: "Networking", exact: true })).toHaveAttribute("href", "/label/networking");

    const comments = page.locator("#comments");
    await expect(comments.getByRole("heading", { level: 2 })).toHaveText("1 comment:");
    await expect(comments.locator(".comment-author")).toHaveText("Annie Johnson said...");
    const stamp = comments.locator(".comment-footer a:has(time)");
    await expect(stamp).toHaveText("Thursday, 8 September 2011 at 12:17");
    const anchor = await stamp.getAttribute("href");
    expect(anchor).toMatch(/^#c[a-z0-9]+$/);
    await expect(page.locator(anchor!)).toContainText("Annie Johnson said...");
    await expect(comments.getByRole("link", { name: "Sign in to comment" })).toBeVisible();

    await expect(page.getByRole("link", { name: /^Newer post/ })).toHaveAttribute("href", /^\/2011\/1\d\//);
    await expect(page.getByRole("link", { name: /^Older post/ })).toHaveAttribute("href", /^\/2011\/0\d\//);
  });

  test("carries meta description, canonical, OpenGraph, Twitter and BlogPosting data", async ({ page }) => {
    await page.goto(ENTRY);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical!).pathname).toBe(ENTRY);
    // The author wrote an excerpt for this post, so it is the description.
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toMatch(/^Tool 6 asked me to join a professional networking website/);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", ENTRY_TITLE);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data).toMatchObject({ "@type": "BlogPosting", headline: ENTRY_TITLE, author: { name: "Maggie Ellery" }, commentCount: 1 });
    expect(data.datePublished).toBe("2011-09-08T08:41:00.000Z");
  });

  test("Blogger's .html path and a wrong month answer with permanent redirects, with one Location", async ({ request }) => {
    // Twice each: the second answer comes from the page cache, where Next 16.4 repeats Location
    // (Playwright would show the repeat as "a, a").
    for (const path of [`${ENTRY}.html`, ENTRY.replace("/09/", "/08/"), `${ENTRY}.html`, ENTRY.replace("/09/", "/08/")]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(308);
      expect(response.headers().location, path).toBe(ENTRY);
    }
  });

  test("anything else is a 404 in the blog's layout", async ({ page }) => {
    for (const path of ["/2011/09/no-such-post", "/2011/13", "/nothing-here", "/label/no-such-label", "/p/no-such-page"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, the page you were looking for does not exist");
      await expect(page.getByRole("navigation", { name: "Blog Archive" })).toBeVisible();
      await expect(page.getByRole("main")).toHaveCount(1);
    }
    await expectNoAxeViolations(page);
  });

  test("a 404 is the whole page without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Twice each: the second answer comes from the page cache.
    for (const path of ["/2011/09/no-such-post", "/2011/13", "/label/no-such-label", "/p/no-such-page", "/2011/09/no-such-post", "/label/no-such-label"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Sorry, the page you were looking for does not exist");
      await expect(page.getByRole("navigation", { name: "Blog Archive" }), path).toBeVisible();
      await expect(page, path).toHaveTitle(/Page not found/);
    }
    await context.close();
  });

  test("an address with a broken escape sequence gets a 400 that says so", async ({ request }) => {
    for (const path of ["/search/label/%E0%A4%A", "/2011/09/%zz"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toContain("broken escape sequence");
    }
  });
});

test.describe("archive, labels and pages", () => {
  test("the sidebar archive opens the newest year and month, and an older year's page lists its months, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    const archive = page.getByRole("navigation", { name: "Blog Archive" });
    await expect(archive.getByRole("link", { name: "Closing up for Christmas" })).toBeVisible();
    await expect(archive.getByRole("link", { name: "All of 2012" })).toBeVisible();
    await expect(archive.getByRole("listitem").filter({ hasText: "2010 (8)" })).toHaveCount(1);
    await archive.getByRole("link", { name: "2010", exact: true }).click();
    await expect(page).toHaveURL(/\/2010$/);
    await page.getByRole("navigation", { name: "Months of 2010" }).getByRole("link", { name: "June" }).click();
    await expect(page).toHaveURL(/\/2010\/06$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts from June 2010");
    // Two posts of one day share one date header.
    await expect(page.locator("main h2.date-header")).toHaveText(["Saturday, 12 June 2010"]);
    await expect(page.locator("main article")).toHaveCount(2);
    await context.close();
  });

  test("year and month archives list their posts; label pages too; Blogger's label URLs redirect", async ({ page, request }) => {
    await page.goto("/2011");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts from 2011");
    const titles = await page.locator("main article h3").allTextContents();
    expect(titles).toContain(ENTRY_TITLE);

    await page.goto("/label/networking");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts with the label Networking");
    await expect(page.locator("main article h3")).toContainText([ENTRY_TITLE]);

    const redirect = await request.get("/search/label/Library%20life", { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expect(new URL(redirect.headers().location!, "http://x").pathname).toBe("/label/library-life");
  });

  test("Older posts and Newer posts page by cursor without repeating a post", async ({ page }) => {
    // By role, so only what is shown counts: Next keeps the page navigated away from in the
    // document, hidden, for the back button.
    const titles = page.getByRole("main").getByRole("heading", { level: 3 });
    await page.goto("/");
    const first = await titles.allTextContents();
    await page.getByRole("link", { name: "Older posts" }).click();
    await expect(page).toHaveURL(/\/page\/o\d+\.[a-z0-9]+$/);
    await expect(titles.first()).not.toHaveText(first[0]!);
    const second = await titles.allTextContents();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((title) => first.includes(title))).toEqual([]);
    await page.getByRole("link", { name: "Newer posts" }).click();
    await expect(titles).toHaveText(first);
  });

  test("a cursor that names no post of its list at that time is a 404, so made-up ones cannot fill the cache", async ({ page }) => {
    await page.goto("/");
    const older = await page.getByRole("link", { name: "Older posts" }).getAttribute("href");
    // The last post on the home page, Tool 6 (September 2011, labels Tools and Networking).
    const [, time, id] = /^\/page\/o(\d+)\.([a-z0-9]+)$/.exec(older ?? "") ?? [];
    for (const path of [`/page/o${time}.${id}`, `/2011/page/o${time}.${id}`, `/label/tools/page/o${time}.${id}`]) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole("main").getByRole("heading", { level: 3 }).first(), path).toBeVisible();
    }
    const newer = await page.getByRole("link", { name: "Newer posts" }).getAttribute("href");
    expect((await page.goto(newer ?? "/no-newer-link"))?.status()).toBe(200);

    const madeUp = [
      `/page/o${Number(time) + 1}.${id}`,
      `/page/n1234567890123.${id}`,
      `/page/o${time}.nosuchpost`,
      `/2012/page/o${time}.${id}`,
      `/2011/09/page/n${time}1.${id}`,
      `/label/allotment/page/o${time}.${id}`,
    ];
    for (const path of madeUp) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Sorry, the page you were looking for does not exist");
    }
  });

  test("the About page is linked from the header", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "About this blog" }).click();
    await expect(page).toHaveURL(/\/p\/about$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this blog");
  });
});

test.describe("search", () => {
  test("finds posts by stemmed words, highlights them, and works from the header without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("banner").getByLabel("Search this blog").fill("allotments");
    await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
    // The form's own address the first time a query is asked, its cached results page after that.
    await expect(page).toHaveURL(/\/search(\?q=|\/)allotments$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “allotments”");
    await expect(page.locator(".search-results > li").first()).toBeVisible();
    await expect(page.locator(".search-results mark").first()).toHaveText(/allotment/i);
    await context.close();
  });

  test("an empty, junk or overlong query gets a helpful page, not an error", async ({ page }) => {
    expect((await page.goto("/search"))?.status()).toBe(200);
    await expect(page.getByText("Type a word or two")).toBeVisible();
    expect((await page.goto("/search?q=the"))?.status()).toBe(200);
    await expect(page.getByText("No posts match. Try fewer or different words.")).toBeVisible();
    expect((await page.goto(`/search?q=${encodeURIComponent('"(( OR -')}`))?.status()).toBe(200);
    expect((await page.goto(`/search?q=${"x".repeat(201)}`))?.status()).toBe(200);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Search for at most 200 characters.");
  });
});

test.describe("quality on every kind of reader page", () => {
  const pages = ["/", ENTRY, "/2011/09", "/2011", "/label/tools", "/search?q=garden", "/p/about", "/profile/maggie-ellery"];

  for (const path of pages) {
    test(`${path}: one h1, landmarks, unique title and description, no axe violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator("h1")).toHaveCount(1);
      for (const role of ["banner", "main", "contentinfo"] as const) await expect(page.getByRole(role)).toHaveCount(1);
      await expect(page.getByRole("complementary")).toHaveCount(1);
      expect(await page.locator('meta[name="description"]').getAttribute("content")).toBeTruthy();
      await expectNoAxeViolations(page);
    });
  }

  test("titles differ from page to page", async ({ page }) => {
    const titles = new Set<string>();
    for (const path of pages) {
      await page.goto(path);
      titles.add(await page.title());
    }
    expect(titles.size).toBe(pages.length);
  });

  test("readable at 360 px: nothing wider than the screen", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const path of ["/", ENTRY, "/search?q=garden"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await context.close();
  });
});
