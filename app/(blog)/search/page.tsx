import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchForm } from "@/components/blog/search-form";
import { canonicalSearchQuery, searchResultsPath } from "@/lib/search-address.mjs";
import { pageMetadata } from "@/lib/seo";
import { searchQuery } from "@/lib/validation/reader";

// The search form's address (/search?q=...): a query goes on to its results page, one cached page
// per query (search-results.tsx); server.mjs's fast path answers that redirect itself when it can.
// The query string makes this page render per request, in full (it works without JavaScript).
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  return { ...(await pageMetadata({ title: "Search", path: "/search" })), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const parsed = searchQuery.safeParse(await searchParams);
  const q = parsed.success ? canonicalSearchQuery(parsed.data.q) : "";
  if (parsed.success && q !== "") redirect(searchResultsPath(q, parsed.data.page));
  return (
    <>
      <h1 className="list-heading">Search</h1>
      {!parsed.success && <p role="alert">{parsed.error.issues[0]?.message}</p>}
      <p>Type a word or two to find posts about it, for example “allotment” or “books”.</p>
      <SearchForm id="search-page-query" name="Search again" />
    </>
  );
}
