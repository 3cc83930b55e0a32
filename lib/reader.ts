import "server-only";
import { randomUUID } from "node:crypto";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { findPublishedPage, listPublishedPages } from "@/lib/queries/pages";
import type { LegacyAddress } from "@/lib/legacy-addresses";
import { resolveLegacyAddress } from "@/lib/queries/legacy-addresses";
import { findAdjacentPosts, findVisiblePost, listPostComments } from "@/lib/queries/post-page";
import { listVisiblePosts, type ListScope, type PageRequest } from "@/lib/queries/post-lists";
import { searchPosts } from "@/lib/queries/search";
import { countPostsByMonth, findLabel, listLabelCounts, listMonthTitles } from "@/lib/queries/sidebar";
import { findCommentPermalink } from "@/lib/queries/comment-post";
import { findAuthor } from "@/lib/queries/authors";

// Everything reader pages read, cached and tagged. What depends on the clock (a scheduled post
// coming due) refills every 40 seconds, so it shows within a minute with no cron job (npm start's
// watcher shows it at once); writes invalidate by tag at once. Each refill renders the page again,
// so it is not sooner than that needs. (`stale` stays at 30 s: below that Next leaves the data out
// of the prerendered pages.) The queries themselves live in lib/queries/.
export const READER_CACHE_LIFE = { stale: 30, revalidate: 40, expire: 3600 };

export async function getPostList(scope: ListScope, page: PageRequest, limit: number) {
  "use cache";
  cacheTag(tags.posts);
  cacheLife(READER_CACHE_LIFE);
  return listVisiblePosts({ scope, page, limit, now: new Date() });
}

export async function getPost(permalink: string) {
  "use cache";
  cacheTag(tags.posts);
  cacheLife(READER_CACHE_LIFE);
  const post = await findVisiblePost({ permalink, now: new Date() });
  if (post) cacheTag(tags.post(post.id));
  return post;
}

// Takes the two fields, not the post: a cached function's key is its arguments, and a post whose
// content changed mid-render (an edit saved, its tag expired) would give the final prerender a key the
// warm-up never filled, which Next 16.4 answers with a 500.
export async function getAdjacentPosts(postId: string, publishedAt: Date) {
  "use cache";
  cacheTag(tags.posts);
  cacheLife(READER_CACHE_LIFE);
  return findAdjacentPosts({ post: { id: postId, publishedAt }, now: new Date() });
}

/**
 * A post's comments, and the key its comment forms carry until the next comment refills this
 * entry (see lib/comments/idempotency.ts for why a shared key is safe).
 */
export async function getComments(postId: string) {
  "use cache";
  cacheTag(tags.post(postId), tags.imported);
  cacheLife("max");
  return { ...(await listPostComments({ postId })), formKey: randomUUID() };
}

/** Which post a comment is on, for its reply page; the page then reads the post and its comments as the post page does. */
export async function getCommentPermalink(commentId: string) {
  "use cache";
  cacheTag(tags.posts);
  cacheLife(READER_CACHE_LIFE);
  return findCommentPermalink(commentId);
}

/** Where an old address leads (a Redirect row, or the one post with a slug): lib/legacy-addresses.ts. */
export async function getLegacyTarget(address: LegacyAddress) {
  "use cache";
  cacheTag(tags.posts, tags.redirects);
  cacheLife(READER_CACHE_LIFE);
  return resolveLegacyAddress(address, new Date());
}

export async function getSidebar() {
  "use cache";
  cacheTag(tags.posts, tags.labels);
  cacheLife(READER_CACHE_LIFE);
  const now = new Date();
  const [months, labels] = await Promise.all([countPostsByMonth({ now }), listLabelCounts({ now })]);
  const newest = months[0];
  const newestTitles = newest ? await listMonthTitles({ period: newest.period, now }) : [];
  return { months, newestTitles, labels };
}

/** The writer whose page lives at /profile/<slug>: it appears with their first visible post. */
export async function getAuthor(slug: string) {
  "use cache";
  cacheTag(tags.authors, tags.posts);
  cacheLife(READER_CACHE_LIFE);
  return findAuthor({ slug, now: new Date() });
}

export async function getLabel(where: { slug: string } | { name: string }) {
  "use cache";
  cacheTag(tags.labels);
  cacheLife("max");
  return findLabel(where);
}

export async function getSearchResults(query: string, page: number, perPage: number) {
  "use cache";
  cacheTag(tags.posts);
  cacheLife(READER_CACHE_LIFE);
  return searchPosts({ query, page, perPage, now: new Date() });
}

export async function getPage(slug: string) {
  "use cache";
  cacheTag(tags.pages);
  cacheLife("max");
  return findPublishedPage({ slug });
}

export async function getPageLinks() {
  "use cache";
  cacheTag(tags.pages);
  cacheLife("max");
  return listPublishedPages();
}
