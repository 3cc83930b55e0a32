import type { Metadata } from "next";
import { SAMPLE_QUERY, SearchResults, searchResultsMetadata } from "../search-results";

export const generateStaticParams = () => [{ query: SAMPLE_QUERY }];

export async function generateMetadata({ params }: PageProps<"/search/[query]">): Promise<Metadata> {
  return searchResultsMetadata((await params).query);
}

export default async function SearchResultsPage({ params }: PageProps<"/search/[query]">) {
  return <SearchResults segment={(await params).query} />;
}
