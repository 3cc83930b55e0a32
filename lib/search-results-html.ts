import "server-only";
import { type BlogClock, formatDateHeader } from "@/lib/dates";
import { escapeXml } from "@/lib/feed-xml";
import { snippetHtml } from "@/lib/html";
import { type Locale, messagesFor } from "@/lib/messages";
import type { SearchResults } from "@/lib/queries/search";
import { SEARCH_FRAME_QUERY, searchResultsPath } from "@/lib/search-address.mjs";

export const SEARCH_RESULTS_PER_PAGE = 10;

/** XML's escaping (the five characters, and no control characters) is safe HTML too. */
export const escapeHtml = escapeXml;

interface ResultsPage {
  /** The canonical query (lib/search-address.mjs). */
  q: string;
  page: number;
  results: SearchResults;
  clock: BlogClock;
}

/**
 * A results page's count, hits and pager, as HTML: one markup for the query's cached results page
 * (app/(blog)/search/search-results.tsx) and its first answer (lib/search-first-answer.ts), which
 * swaps it into a cached page without rendering one.
 */
export function searchResultsHtml({ q, page, results, clock }: ResultsPage): string {
  const t = messagesFor(clock.locale);
  const pages = Math.ceil(results.total / SEARCH_RESULTS_PER_PAGE);
  const ofPages = pages > 1 ? t.pageOf(page, pages) : "";
  const count = results.total === 0 ? t.noPostsMatch : results.newestOnly ? t.newestOnly(results.total, ofPages) : `${t.postsMatch(results.total)}${ofPages}.`;
  const hits = results.hits.map(
    (hit) =>
      `<li><h2 class="post-title"><a href="${escapeHtml(hit.permalink)}">${escapeHtml(hit.title)}</a></h2>` +
      `<p class="search-date">${escapeHtml(formatDateHeader(hit.publishedAt, clock.timeZone, clock.locale))}</p>` +
      `<div class="search-snippet">${snippetHtml(hit.snippet)}</div></li>`,
  );
  const pageLink = (number: number, words: string) => `<a href="${escapeHtml(searchResultsPath(q, number))}">${words}</a>`;
  const pager =
    pages > 1
      ? `<nav class="pager" aria-label="${t.moreResults}">${page > 1 ? pageLink(page - 1, t.previousResults) : "<span></span>"}${page < pages ? pageLink(page + 1, t.moreResults) : "<span></span>"}</nav>`
      : "";
  return `<p aria-live="polite">${count}</p><ol class="search-results">${hits.join("")}</ol>${pager}`;
}

/**
 * The frame query's own results ("No posts match") in `locale`, which a first answer replaces: no
 * hit, so no date in any time zone.
 */
export function frameResultsHtml(locale: Locale): string {
  return searchResultsHtml({ q: SEARCH_FRAME_QUERY, page: 1, results: { hits: [], total: 0, newestOnly: false }, clock: { timeZone: "UTC", locale } });
}
