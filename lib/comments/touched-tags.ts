import "server-only";
import { tags } from "@/lib/cache-tags";

/**
 * The cache tags a comment write expires: the pages of the posts it changed (their threads and
 * counts) and the comment feeds. Not `posts`: a comment on one post must not expire every other
 * post's page and every list; the lists' comment counts catch up on their own refill
 * (READER_CACHE_LIFE in lib/reader.ts).
 */
export function tagsTouchedByCommentsOn(postIds: string[]): string[] {
  return [...new Set(postIds)].map((postId) => tags.post(postId)).concat(tags.comments);
}
