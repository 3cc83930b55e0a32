import "server-only";
import { formatDateHeader } from "@/lib/dates";
import { escapeXml } from "@/lib/feed-xml";
import { snippetHtml } from "@/lib/html";
import type { SearchResults } from "@/lib/queries/search";
import { searchResultsPath } from "@/lib/search-address.mjs";

export const SEARCH_RESULTS_PER_PAGE = 10;

/** XML's escaping (the five characters, and no control characters) is safe HTML too. */
export const escapeHtml = escapeXml;

interface ResultsPage {
  /** The canonical query (lib/search-address.mjs). */
  q: string;
  page: number;
  results: SearchResults;
  timeZone: string;
}

/**
 * A results page's count, hits and pager, as HTML: one markup for the query's cached results page
 * (app/(blog)/search/search-results.tsx) and its first answer (lib/search-first-answer.ts), which
 * swaps it into a cached page without rendering one.
 */
export function searchResultsHtml({ q, page, results, timeZone }: ResultsPage): string {
  const pages = Math.ceil(results.total / SEARCH_RESULTS_PER_PAGE);
  const ofPages = pages > 1 ? ` (page ${page} of ${pages})` : "";
  const count =
    results.total === 0
      ? "No posts match. Try fewer or different words."
      : results.newestOnly
        ? `More than ${results.total} posts match. These are the best matches among the newest ${results.total}${ofPages}.`
        : `${results.total} ${results.total === 1 ? "post matches" : "posts match"}${ofPages}.`;
  const hits = results.hits.map(
    (hit) =>
      `<li><h2 class="post-title"><a href="${escapeHtml(hit.permalink)}">${escapeHtml(hit.title)}</a></h2>` +
      `<p class="search-date">${escapeHtml(formatDateHeader(hit.publishedAt, timeZone))}</p>` +
      `<div class="search-snippet">${snippetHtml(hit.snippet)}</div></li>`,
  );
  const pageLink = (number: number, words: string) => `<a href="${escapeHtml(searchResultsPath(q, number))}">${words}</a>`;
  const pager =
    pages > 1
      ? `<nav class="pager" aria-label="More results">${page > 1 ? pageLink(page - 1, "Previous results") : "<span></span>"}${page < pages ? pageLink(page + 1, "More results") : "<span></span>"}</nav>`
      : "";
  return `<p aria-live="polite">${count}</p><ol class="search-results">${hits.join("")}</ol>${pager}`;
}
