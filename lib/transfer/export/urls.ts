import "server-only";
import { permalinkFor } from "@/lib/permalinks";
import type { PostRow } from "./blog-rows";

/** The blog's address without a trailing slash, so paths can follow it. */
export function siteOrigin(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, "");
}

/** "/2011/09/slug" for a post readers can reach (or will, once scheduled), else null. */
export function publicPostPath(post: PostRow, timeZone: string): string | null {
  if (post.status === "DRAFT" || post.trashedAt || !post.publishedAt) return null;
  return post.permalink ?? permalinkFor(post.slug, post.publishedAt, timeZone);
}
