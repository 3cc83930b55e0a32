import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { absoluteUrl } from "@/lib/site";

export default async function robots(): Promise<MetadataRoute.Robots> {
  // Per request, so the sitemap's address follows NEXTAUTH_URL without a rebuild.
  await connection();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/dashboard", "/api/"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
