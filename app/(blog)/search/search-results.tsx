import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SearchForm } from "@/components/blog/search-form";
import { RichHtml } from "@/components/post/rich-html";
import { formatDateHeader } from "@/lib/dates";
import { snippetHtml } from "@/lib/html";
import { getSearchResults } from "@/lib/reader";
import { canonicalSearchQuery, queryOfSearchSegment, searchResultsPath } from "@/lib/search-address.mjs";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { searchQuery } from "@/lib/validation/reader";

// A search's results: one cached page per query and page number (/search/<query>[/page/<n>]), the
// same document for everyone, rendered once and expired with the posts (tags.posts); and the
// search form's own address, /search?q=..., which renders them per request the first time a query
// is asked (lib/cached-page-responder.mjs sends it on to the cached page after that).

const PER_PAGE = 10;

/** A sample for generateStaticParams, which Cache Components needs at least one of. */
export const SAMPLE_QUERY = "blog";

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
  return { ...(await pageMetadata({ title: `Search results for “${q}”`, path: searchResultsPath(q, page) })), robots: { index: false } };
}

/** The results for a query and page number. */
export async function SearchResults({ q, page }: { q: string; page: number }) {
  const [settings, results] = await Promise.all([getBlogSettings(), getSearchResults(q, page, PER_PAGE)]);
  if (page > 1 && results.hits.length === 0) notFound();
  const pages = Math.ceil(results.total / PER_PAGE);
  return (
    <>
      <h1 className="list-heading">Search results for “{q}”</h1>
      <SearchForm id="search-page-query" name="Search again" defaultValue={q} />
      <p aria-live="polite">
        {results.total === 0
          ? "No posts match. Try fewer or different words."
          : `${results.total} ${results.total === 1 ? "post matches" : "posts match"}${pages > 1 ? ` (page ${page} of ${pages})` : ""}.`}
      </p>
      <ol className="search-results">
        {results.hits.map((hit) => (
          <li key={hit.id}>
            <h2 className="post-title">
              <Link href={hit.permalink}>{hit.title}</Link>
            </h2>
            <p className="search-date">{formatDateHeader(hit.publishedAt, settings.timeZone)}</p>
            <RichHtml className="search-snippet" html={snippetHtml(hit.snippet)} />
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <nav className="pager" aria-label="More results">
          {page > 1 ? <Link href={searchResultsPath(q, page - 1)}>Previous results</Link> : <span />}
          {page < pages ? <Link href={searchResultsPath(q, page + 1)}>More results</Link> : <span />}
        </nav>
      )}
    </>
  );
}
