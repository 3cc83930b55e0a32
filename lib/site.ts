import "server-only";
import { config } from "@/lib/config";

/** The blog's public origin (NEXTAUTH_URL), for absolute links in feeds, sitemaps and meta tags. */
export function siteOrigin(): string {
  return new URL(config().NEXTAUTH_URL ?? "http://localhost:3000").origin;
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteOrigin()).toString();
}
