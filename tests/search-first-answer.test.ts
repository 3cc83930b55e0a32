import { describe, expect, test } from "vitest";
import { SEARCH_FRAME_QUERY } from "../lib/search-address.mjs";
import { firstSearchAnswerHtml } from "../lib/search-first-answer";
import { frameResultsHtml as frameResultsIn, searchResultsHtml } from "../lib/search-results-html";

// A query's first answer is the frame query's cached results page with the query and results
// put in its place (app/search-first/route.ts). The frame here has every place Next and the
// layout put the query (as the e2e spec's real one does), and scripts to leave out.
const clock = { timeZone: "Europe/London", locale: "en-GB" } as const;
const frameResultsHtml = frameResultsIn(clock.locale);
const frame = [
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/><script src="/_next/static/chunks/b.js" async=""></script>`,
  `<title>Search results for “${SEARCH_FRAME_QUERY}” | Notes</title>`,
  `<link rel="canonical" href="https://blog.example/search/${SEARCH_FRAME_QUERY}"/>`,
  `<meta property="og:title" content="Search results for “${SEARCH_FRAME_QUERY}”"/></head><body>`,
  `<a href="/sign-in?callbackUrl=%2Fsearch%2F${SEARCH_FRAME_QUERY}">Sign in</a><main>`,
  `<h1 class="list-heading">Search results for “<!-- -->${SEARCH_FRAME_QUERY}<!-- -->”</h1>`,
  `<input id="search-page-query" type="search" maxLength="200" name="q" value="${SEARCH_FRAME_QUERY}"/>`,
  `<div class="search-results-body">${frameResultsHtml}</div></main>`,
  `<script>self.__next_f.push([1,"${SEARCH_FRAME_QUERY} \\u003c/script>"])</script></body></html>`,
].join("");

const hit = { id: "p1", title: "Pears & <quinces>", permalink: "/2024/10/pears", publishedAt: new Date("2024-10-03T12:00:00Z"), snippet: "ripe \u0001pears\u0002 today" };
const answer = (q: string, page = frame) =>
  firstSearchAnswerHtml(page, { q, frameResultsHtml, resultsHtml: searchResultsHtml({ q, page: 1, results: { hits: [hit], total: 1, newestOnly: false }, clock }) });

describe("a query's first answer", () => {
  test("is the frame with the query in every place it had its own, the results in its results' place, and no scripts", () => {
    const html = answer("pears tart")!;
    expect(html).not.toContain(SEARCH_FRAME_QUERY);
    expect(html).not.toMatch(/<script|as="script"/);
    expect(html).toContain(`<title>Search results for “pears tart” | Notes</title>`);
    expect(html).toContain(`<link rel="canonical" href="https://blog.example/search/pears+tart"/>`);
    expect(html).toContain(`callbackUrl=%2Fsearch%2Fpears%2Btart"`);
    expect(html).toContain(`“<!-- -->pears tart<!-- -->”</h1>`);
    expect(html).toContain(`value="pears tart"/>`);
    expect(html).toContain(`<a href="/2024/10/pears">Pears &amp; &lt;quinces&gt;</a>`);
    expect(html).toContain(`ripe <mark>pears</mark> today`);
    expect(html).toContain(`<p aria-live="polite">1 post matches.</p>`);
    expect(html).not.toContain("No posts match");
  });

  test("escapes a hostile query for each place: text, attribute, address", () => {
    const q = `"><img src=x onerror=alert(1)> & 'it'`;
    const html = answer(q)!;
    expect(html).not.toContain("<img");
    expect(html).toContain(`value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &apos;it&apos;"/>`);
    expect(html).toContain(`href="https://blog.example/search/%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+%26+'it'"`.replaceAll("'", "&apos;"));
  });

  test("puts a query that holds the frame's own word in once, not again", () => {
    const q = `x${SEARCH_FRAME_QUERY}`;
    const html = answer(q)!;
    expect(html).toContain(`<title>Search results for “${q}” | Notes</title>`);
    expect(html).toContain(`/search/${q}"/>`);
  });

  test("follows the blog's language: a Dutch frame gives Dutch answers, and an English frame does not fit a Dutch blog", () => {
    const dutchResults = frameResultsIn("nl");
    const dutchFrame = frame.replace(frameResultsHtml, dutchResults);
    const results = searchResultsHtml({ q: "peren", page: 1, results: { hits: [hit], total: 1, newestOnly: false }, clock: { timeZone: "Europe/Amsterdam", locale: "nl" } });
    const html = firstSearchAnswerHtml(dutchFrame, { q: "peren", frameResultsHtml: dutchResults, resultsHtml: results })!;
    expect(html).toContain(`<p aria-live="polite">1 bericht gevonden.</p>`);
    expect(html).toContain(`<p class="search-date">donderdag 3 oktober 2024</p>`);
    expect(dutchResults).toContain("Geen berichten gevonden.");
    // The frame from before the blog changed language: the route sends the query to a render.
    expect(firstSearchAnswerHtml(frame, { q: "peren", frameResultsHtml: dutchResults, resultsHtml: results })).toBeUndefined();
  });

  test("is not made from a frame that is not the page expected, nor from a changed one's old pieces", () => {
    expect(answer("pears", frame.replace(frameResultsHtml, "<p>Something else</p>"))).toBeUndefined();
    expect(answer("pears", frame.replace(frameResultsHtml, frameResultsHtml + frameResultsHtml))).toBeUndefined();
    expect(answer("pears", frame.replace("| Notes", "| Notes, renamed"))).toContain("<title>Search results for “pears” | Notes, renamed</title>");
  });
});
