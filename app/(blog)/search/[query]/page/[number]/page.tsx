import type { Metadata } from "next";
import { parseResultsAddress, STATIC_QUERY, SearchResults, searchResultsMetadata } from "../../../search-results";

export const generateStaticParams = () => [{ query: STATIC_QUERY, number: "2" }];

export async function generateMetadata({ params }: PageProps<"/search/[query]/page/[number]">): Promise<Metadata> {
  const { query, number } = await params;
  return searchResultsMetadata(parseResultsAddress(query, number));
}

export default async function LaterSearchResultsPage({ params }: PageProps<"/search/[query]/page/[number]">) {
  const { query, number } = await params;
  return <SearchResults {...parseResultsAddress(query, number)} />;
}
