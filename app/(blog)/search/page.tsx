import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/blog/search-form";
import { RichHtml } from "@/components/post/rich-html";
import { formatDateHeader } from "@/lib/dates";
import { snippetHtml } from "@/lib/html";
import { getSearchResults } from "@/lib/reader";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { searchQuery } from "@/lib/validation/reader";

const PER_PAGE = 10;

// Results depend on the query string: this page renders per request, in full (no streamed
// holes, so it works without JavaScript); the search itself is cached.
export const instant = false;

export async function generateMetadata({ searchParams }: PageProps<"/search">): Promise<Metadata> {
  const { q } = searchQuery.safeParse(await searchParams).data ?? { q: "" };
  return { ...(await pageMetadata({ title: q ? `Search results for “${q}”` : "Search", path: "/search" })), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const parsed = searchQuery.safeParse(await searchParams);
  const settings = await getBlogSettings();
  if (!parsed.success || parsed.data.q === "") {
    return (
      <>
        <h1 className="list-heading">Search</h1>
        {!parsed.success && <p role="alert">{parsed.error.issues[0]?.message}</p>}
        <p>Type a word or two to find posts about it, for example “allotment” or “books”.</p>
        <SearchForm id="search-page-query" name="Search again" />
      </>
    );
  }
  const { q, page } = parsed.data;
  const results = await getSearchResults(q, page, PER_PAGE);
  const pages = Math.ceil(results.total / PER_PAGE);
  const pageHref = (n: number) => `/search?${new URLSearchParams({ q, ...(n > 1 && { page: String(n) }) })}`;
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
          {page > 1 ? <Link href={pageHref(page - 1)}>Previous results</Link> : <span />}
          {page < pages ? <Link href={pageHref(page + 1)}>More results</Link> : <span />}
        </nav>
      )}
    </>
  );
}
