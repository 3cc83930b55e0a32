import { beforeAll, describe, expect, test } from "vitest";
import { escapeAsNextLeaves } from "../lib/next-path-segment.mjs";
import { canonicalSearchQuery, queryOfSearchSegment, searchResultsPath } from "../lib/search-address.mjs";
import { SEARCH_RESULTS_PER_PAGE, searchResultsHtml } from "../lib/search-results-html";
import { withMigratedDatabase } from "./support/databases";
import { runSql } from "./support/sql";

// The search query on a blog of its own: how hits are ranked, marked and counted.
const database = withMigratedDatabase();
let searchPosts: typeof import("../lib/queries/search").searchPosts;

/** Posts by one author: [id, title, body HTML, published (days before now), status]. */
async function addPosts(posts: [string, string, string, number, string?][]) {
  await runSql(database.url, `INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ('writer', 'Writer', 'writer@example.com', 'AUTHOR', now()) ON CONFLICT DO NOTHING`);
  for (const [id, title, bodyHtml, daysAgo, status = "PUBLISHED"] of posts) {
    await runSql(
      database.url,
      `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "updatedAt")
       VALUES ($1, $2, $1, '/2020/01/' || $1, $3, $4::"PostStatus", now() - make_interval(days => $5), 'writer', now())`,
      [id, title, bodyHtml, status, daysAgo],
    );
  }
}

beforeAll(async () => {
  await addPosts([
    ["title-match", "Quinces at last", "<p>Something else entirely.</p>", 30],
    ["body-match", "A busy week", "<p>Quinces, quinces and more <b>quinces</b> on every shelf.</p>", 1],
    ["older-body-match", "Autumn", `<p>${"Leaves. ".repeat(40)}We made jelly from the quince tree.</p>`, 60],
    ["hidden-draft", "Quinces in draft", "<p>Quinces.</p>", 2, "DRAFT"],
    ...Array.from({ length: 12 }, (_, n): [string, string, string, number] => [`bulk-${n}`, `Note ${n}`, "<p>A medlar, not a quince.</p>", 100 + n]),
  ]);
  // lib/db.ts connects to DATABASE_URL on first import.
  process.env.DATABASE_URL = database.url;
  searchPosts = (await import("../lib/queries/search")).searchPosts;
});

const search = (query: string, page = 1, perPage = 3) => searchPosts({ query, page, perPage, now: new Date() });

describe("search", () => {
  test("a match in the title ranks above matches in the body, however often and however new", async () => {
    const { hits } = await search("quince");
    expect(hits.map((hit) => hit.id)).toEqual(["title-match", "body-match", "older-body-match"]);
  });

  test("each hit's snippet is its body's text with the matches marked, tags gone", async () => {
    const { hits } = await search("quince");
    const body = hits.find((hit) => hit.id === "body-match")!;
    expect(body.snippet.replace(/\s+/g, " ")).toMatch(/^\u0001Quinces\u0002, \u0001quinces\u0002 and more \u0001quinces\u0002 on every shelf/);
    const older = hits.find((hit) => hit.id === "older-body-match")!;
    expect(older.snippet).toContain("jelly from the \u0001quince\u0002 tree");
    expect(older.snippet).not.toContain("<");
  });

  test("the total counts every visible match while a page holds only its share; past the last page there is nothing", async () => {
    const first = await search("quince");
    expect(first.total).toBe(15);
    const seen = new Set(first.hits.map((hit) => hit.id));
    for (let page = 2; page <= 5; page++) {
      const next = await search("quince", page);
      expect(next.total).toBe(15);
      for (const hit of next.hits) seen.add(hit.id);
    }
    expect(seen.size).toBe(15);
    expect(seen.has("hidden-draft")).toBe(false);
    expect(await search("quince", 6)).toEqual({ hits: [], total: 0, newestOnly: false });
  });

  test("a query matching more posts than are ranked ranks only the newest of them, and the page says so", async () => {
    const newest = (rankedAtMost: number, page = 1) => searchPosts({ query: "quince", page, perPage: 3, now: new Date(), rankedAtMost });
    // The title match, second newest, would come first; ranking the newest one alone leaves it out.
    expect(await newest(1)).toMatchObject({ hits: [{ id: "body-match" }], total: 1, newestOnly: true });
    const three = await newest(3);
    expect(three.hits.map((hit) => hit.id)).toEqual(["title-match", "body-match", "older-body-match"]);
    expect(three).toMatchObject({ total: 3, newestOnly: true });
    // Fourteen ranked, three a page: the oldest match, and only it, is left out of every page.
    const pages = await Promise.all([1, 2, 3, 4, 5].map((page) => newest(14, page)));
    expect(pages.every(({ total, newestOnly }) => total === 14 && newestOnly)).toBe(true);
    const ranked = pages.flatMap(({ hits }) => hits.map((hit) => hit.id));
    expect(new Set(ranked).size).toBe(14);
    expect(ranked).not.toContain("bulk-11");
    expect(await newest(14, 6)).toEqual({ hits: [], total: 0, newestOnly: false });

    const pageTwo = await searchPosts({ query: "quince", page: 2, perPage: SEARCH_RESULTS_PER_PAGE, now: new Date(), rankedAtMost: 14 });
    expect(searchResultsHtml({ q: "quince", page: 2, results: pageTwo, clock: { timeZone: "UTC", locale: "en-GB" } })).toContain(
      `<p aria-live="polite">More than 14 posts match. These are the best matches among the newest 14 (page 2 of 2).</p>`,
    );
  });

  test("a query matching exactly as many posts as are ranked, or fewer, is ranked whole and counted as it is", async () => {
    for (const rankedAtMost of [15, 16]) {
      const { hits, total, newestOnly } = await searchPosts({ query: "quince", page: 1, perPage: 3, now: new Date(), rankedAtMost });
      expect({ ids: hits.map((hit) => hit.id), total, newestOnly }).toEqual({ ids: ["title-match", "body-match", "older-body-match"], total: 15, newestOnly: false });
    }
    const whole = await searchPosts({ query: "quince", page: 1, perPage: SEARCH_RESULTS_PER_PAGE, now: new Date(), rankedAtMost: 15 });
    expect(searchResultsHtml({ q: "quince", page: 1, results: whole, clock: { timeZone: "UTC", locale: "en-GB" } })).toContain(`<p aria-live="polite">15 posts match (page 1 of 2).</p>`);
  });
});

describe("a query's results address", () => {
  const asNextHandsItOver = (segment: string) => escapeAsNextLeaves(decodeURIComponent(segment));

  test("every query comes back from its address as it went in, spaces as '+'", () => {
    for (const query of ["garden", "garden tools", "and/or", "what? #1 \\ c++", "café crème", "100% -rain", '<img src=x onerror="a=1;b(1)">']) {
      const segment = searchResultsPath(canonicalSearchQuery(query)).slice("/search/".length);
      expect(queryOfSearchSegment(asNextHandsItOver(segment)), query).toBe(canonicalSearchQuery(query));
      // Raw, as Next hands it to a render for its cache.
      expect(queryOfSearchSegment(segment), query).toBe(canonicalSearchQuery(query));
    }
    expect(searchResultsPath("garden tools")).toBe("/search/garden+tools");
    expect(searchResultsPath("garden tools", 2)).toBe("/search/garden+tools/page/2");
  });
});
