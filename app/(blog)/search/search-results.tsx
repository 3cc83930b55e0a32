import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SearchForm } from "@/components/blog/search-form";
import { RichHtml } from "@/components/post/rich-html";
import { getSearchResults } from "@/lib/reader";
import { canonicalSearchQuery, queryOfSearchSegment, SEARCH_FRAME_QUERY, searchResultsPath } from "@/lib/search-address.mjs";
import { SEARCH_RESULTS_PER_PAGE, searchResultsHtml } from "@/lib/search-results-html";
import { pageMetadata } from "@/lib/seo";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";
import { searchQuery } from "@/lib/validation/reader";

// A search's results: one cached page per query and page number (/search/<query>[/page/<n>]), the
// same document for everyone, rendered once and expired with the posts (tags.posts); and the
// search form's own address, /search?q=..., which renders them per request the first time a query
// is asked (lib/cached-page-responder.mjs sends it on to the cached page after that, and answers
// the first time from the frame query's page when it can: app/search-first/route.ts).

/** Prerendered (Cache Components needs one sample): the frame of first answers is ready at start. */
export const STATIC_QUERY = SEARCH_FRAME_QUERY;

/** The query and page number in a results page's address, or where its one spelling is. */
export function parseResultsAddress(segment: string, number?: string): { q: string; page: number } {
  const parsed = searchQuery.safeParse({ q: queryOfSearchSegment(segment), page: number ?? "1" });
  if (!parsed.success || (number !== undefined && !/^[1-9]\d{0,3}$/.test(number))) notFound();
  const q = canonicalSearchQuery(parsed.data.q);
  if (q === "") redirect("/search");
  if (q !== queryOfSearchSegment(segment) || number === "1") redirect(searchResultsPath(q, parsed.data.page));
  return { q, page: parsed.data.page };
}

export async function searchResultsMetadata({ q, page }: { q: string; page: number }): Promise<Metadata> {
  const t = messagesFor((await getBlogSettings()).locale);
  return { ...(await pageMetadata({ title: t.searchResultsFor(q), path: searchResultsPath(q, page) })), robots: { index: false } };
}

/** The results for a query and page number. */
export async function SearchResults({ q, page }: { q: string; page: number }) {
  const [settings, results] = await Promise.all([getBlogSettings(), getSearchResults(q, page, SEARCH_RESULTS_PER_PAGE)]);
  if (page > 1 && results.hits.length === 0) notFound();
  const t = messagesFor(settings.locale);
  return (
    <>
      <h1 className="list-heading">{t.searchResultsFor(q)}</h1>
      <SearchForm t={t} id="search-page-query" name={t.searchAgain} defaultValue={q} />
      <RichHtml className="search-results-body" html={searchResultsHtml({ q, page, results, clock: settings })} />
    </>
  );
}
