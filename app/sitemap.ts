import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getSitemapEntries } from "@/lib/feeds";
import { absoluteUrl } from "@/lib/site";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Served per request from cached data, so the addresses follow NEXTAUTH_URL without a rebuild.
  await connection();
  const entries = await getSitemapEntries();
  return entries.map(({ path, lastModified }) => ({ url: absoluteUrl(path), lastModified }));
}
