import type { Metadata } from "next";
import { parseResultsAddress, STATIC_QUERY, SearchResults, searchResultsMetadata } from "../search-results";

export const generateStaticParams = () => [{ query: STATIC_QUERY }];

export async function generateMetadata({ params }: PageProps<"/search/[query]">): Promise<Metadata> {
  return searchResultsMetadata(parseResultsAddress((await params).query));
}

export default async function SearchResultsPage({ params }: PageProps<"/search/[query]">) {
  return <SearchResults {...parseResultsAddress((await params).query)} />;
}
