import type { Metadata } from "next";
import { SAMPLE_QUERY, SearchResults, searchResultsMetadata } from "../../../search-results";

export const generateStaticParams = () => [{ query: SAMPLE_QUERY, number: "2" }];

export async function generateMetadata({ params }: PageProps<"/search/[query]/page/[number]">): Promise<Metadata> {
  const { query, number } = await params;
  return searchResultsMetadata(query, number);
}

export default async function LaterSearchResultsPage({ params }: PageProps<"/search/[query]/page/[number]">) {
  const { query, number } = await params;
  return <SearchResults segment={query} number={number} />;
}
