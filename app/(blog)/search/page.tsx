import type { Metadata } from "next";
import { SearchForm } from "@/components/blog/search-form";
import { messagesFor } from "@/lib/messages";
import { canonicalSearchQuery } from "@/lib/search-address.mjs";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { searchQuery } from "@/lib/validation/reader";
import { SearchResults, searchResultsMetadata } from "./search-results";

// The search form's address (/search?q=...). The query string makes this page render per request,
// in full (it works without JavaScript): cheaper for a query asked once than rendering its cached
// page (/search/<query>), where server.mjs's fast path sends a query asked again.
export const instant = false;

async function parse(searchParams: PageProps<"/search">["searchParams"]) {
  const parsed = searchQuery.safeParse(await searchParams);
  return { parsed, q: parsed.success ? canonicalSearchQuery(parsed.data.q) : "" };
}

export async function generateMetadata({ searchParams }: PageProps<"/search">): Promise<Metadata> {
  const { parsed, q } = await parse(searchParams);
  if (parsed.success && q !== "") return searchResultsMetadata({ q: parsed.data.q, page: parsed.data.page });
  const t = messagesFor((await getBlogSettings()).locale);
  return { ...(await pageMetadata({ title: t.search, path: "/search" })), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const { parsed, q } = await parse(searchParams);
  // The query as typed, as the heading has always shown it; its results are the same.
  if (parsed.success && q !== "") return <SearchResults q={parsed.data.q} page={parsed.data.page} />;
  const t = messagesFor((await getBlogSettings()).locale);
  return (
    <>
      <h1 className="list-heading">{t.search}</h1>
      {!parsed.success && <p role="alert">{parsed.error.issues[0]?.message}</p>}
      <p>{t.searchHint}</p>
      <SearchForm t={t} id="search-page-query" name={t.searchAgain} />
    </>
  );
}
