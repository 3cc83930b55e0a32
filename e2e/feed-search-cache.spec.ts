import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SEARCH_FRAME_QUERY } from "../lib/search-address.mjs";
import { signedInPage, trackedAccounts } from "./support/accounts";
import { htmlProblems } from "./support/html-validity";

// Feeds and searches are answered whole from the page cache by server.mjs, as reader pages are,
// and a post published afterwards is in both at once: the write expires them.
const accounts = trackedAccounts();
test.afterEach(() => accounts.removeAll());

const SLOW = { timeout: 20_000 };

/** A word no post has: lower-case letters only, so stemming leaves it whole. */
const madeUpWord = () => `quill${Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join("")}`;

const servedAs = async (request: APIRequestContext, address: string) => (await request.get(address, { maxRedirects: 0 })).headers()["x-longhand-cache"];

test("a feed asked for again comes from the cache with its validators; the same copy is a 304 by ETag or by date", async ({ request }) => {
  for (const address of ["/feeds/posts/default", "/feeds/posts/default?alt=rss&max-results=5", "/feeds/comments/default", "/feeds/posts/default/-/Library%20life"]) {
    await expect.poll(() => servedAs(request, address), { message: address, ...SLOW }).toBe("HIT");
    const cached = await request.get(address);
    expect(cached.status(), address).toBe(200);
    expect(cached.headers()["content-type"], address).toMatch(/^application\/(atom|rss)\+xml; charset=utf-8$/);
    const { etag, "last-modified": lastModified } = cached.headers();
    expect(etag, address).toMatch(/^"[\w-]+"$/);

    const byEtag = await request.get(address, { headers: { "If-None-Match": etag! } });
    expect(byEtag.status(), address).toBe(304);
    expect(byEtag.headers()["x-longhand-cache"], address).toBe("HIT");
    expect(byEtag.headers()["etag"], address).toBe(etag);
    expect((await request.get(address, { headers: { "If-Modified-Since": lastModified! } })).status(), address).toBe(304);
    expect((await request.get(address, { headers: { "If-None-Match": `"something-older"` } })).status(), address).toBe(200);
  }
  // A label's name and its slug are one feed.
  expect(await (await request.get("/feeds/posts/default/-/library-life")).text()).toBe(await (await request.get("/feeds/posts/default/-/Library%20life")).text());
});

/** The results list of a results page's HTML. */
const resultsList = (html: string) => html.match(/<ol class="search-results">.*?<\/ol>/s)?.[0];

test("a query's first answer is its results page without a render: ranked, highlighted, valid and accessible, with or without JavaScript, and the same as its cached page", async ({ browser, request }) => {
  test.slow();
  // The frame first answers are made from, in this server's page cache (server.mjs asks for it too).
  await expect.poll(() => servedAs(request, `/search/${SEARCH_FRAME_QUERY}`), SLOW).toBe("HIT");
  const q = `allotment -${madeUpWord()}`;
  const first = await request.get(`/search?q=${encodeURIComponent(q)}`, { maxRedirects: 0 });
  expect(first.status()).toBe(200);
  const html = await first.text();
  expect(html).not.toContain("<script");
  expect(html).toContain(`<title>Search results for “${q}”`);
  expect(resultsList(html)).toMatch(/<mark>allotment/i);
  expect(await htmlProblems(html)).toEqual([]);

  const again = await request.get(`/search?q=${encodeURIComponent(q)}`, { maxRedirects: 0 });
  expect(again.status()).toBe(307);
  const cached = await (await request.get(again.headers()["location"]!)).text();
  expect(resultsList(html)).toBe(resultsList(cached));

  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const another = `allotment -${madeUpWord()}`;
    await page.goto(`/search?q=${encodeURIComponent(another)}`);
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(`Search results for “${another}”`);
    await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue(another);
    await expect(page.locator(".search-results > li").first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Blog Archive" })).toBeVisible();
    // axe runs as a script, so it checks the page where scripts run (the page has none of its own).
    if (javaScriptEnabled) expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
    // Its links are plain links: the first hit opens its post.
    const title = await page.locator(".search-results .post-title a").first().textContent();
    await page.locator(".search-results .post-title a").first().click();
    await expect(page.getByRole("heading", { name: title! })).toBeVisible();
    await context.close();
  }
});

test("a search asked again goes to its results page, cached for everyone; a post published afterwards is found and in the feed at once", async ({ browser, request }) => {
  const word = madeUpWord();
  const first = await request.get(`/search?q=${word}+%20`, { maxRedirects: 0 });
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain("No posts match.");
  const again = await request.get(`/search?q=${word}`, { maxRedirects: 0 });
  expect(again.status()).toBe(307);
  expect(again.headers()["location"]).toBe(`/search/${word}`);

  const before = await request.get(`/search/${word}`);
  expect(await before.text()).toContain("No posts match.");
  await expect.poll(() => servedAs(request, `/search/${word}`), SLOW).toBe("HIT");
  await expect.poll(() => servedAs(request, "/feeds/posts/default"), SLOW).toBe("HIT");
  const feedEtag = (await request.get("/feeds/posts/default")).headers()["etag"]!;

  const author = await accounts.make("AUTHOR");
  const page = await signedInPage(browser, author);
  await page.goto("/dashboard/posts");
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+$/, SLOW);
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(`The ${word} in the hedge`);
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await page.getByLabel("Body (HTML source)").fill(`<p>Today a ${word} sang from the <em>hedge</em> by the gate.</p>`);
  await expect(page.locator("#save-status")).toHaveText(/^Saved \d\d:\d\d$/, SLOW);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.locator("#post-phase")).toHaveText("Published · up to date", SLOW);
  await page.context().close();

  // Read as a reader without JavaScript: the search form leads to the results, highlighted.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  await readerPage.goto("/");
  await readerPage.getByRole("search", { name: "Blog search" }).getByRole("searchbox").fill(word);
  await readerPage.getByRole("search", { name: "Blog search" }).getByRole("button", { name: "Search" }).click();
  await expect(readerPage).toHaveURL(new RegExp(`/search/${word}$`));
  await expect(readerPage.getByRole("heading", { name: `The ${word} in the hedge` })).toBeVisible();
  await expect(readerPage.getByText("1 post matches.")).toBeVisible();
  await expect(readerPage.locator(".search-snippet mark").first()).toHaveText(word);
  await reader.close();

  const feed = await request.get("/feeds/posts/default", { headers: { "If-None-Match": feedEtag } });
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(`The ${word} in the hedge`);
  await expect.poll(() => servedAs(request, `/search/${word}`), SLOW).toBe("HIT");
  await expect.poll(() => servedAs(request, "/feeds/posts/default"), SLOW).toBe("HIT");
});
