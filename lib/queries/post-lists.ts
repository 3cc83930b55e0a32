import "server-only";
import { db } from "@/lib/db";
import { featuredImageOf, featuredImageSelect, type FeaturedImage } from "@/lib/uploads/featured";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleCommentsWhere, visiblePostsWhere } from "@/lib/queries/visibility";

/** A position in the newest-first order of posts: paging by it never shifts when posts are added. */
export interface Cursor {
  publishedAt: Date;
  id: string;
}

export type PageRequest = { older: Cursor } | { newer: Cursor } | Record<string, never>;

/** Which posts a list shows: all, one label's, one archive period's ("2011" or "2011/09"), or one author's. */
export type ListScope = { kind: "all" } | { kind: "label"; labelId: string } | { kind: "period"; period: string } | { kind: "author"; authorId: string };

export interface PostSummary {
  id: string;
  title: string;
  permalink: string;
  excerpt: string | null;
  bodyHtml: string;
  publishedAt: Date;
  authorName: string;
  /** The author page's slug; null for an account that has none (lib/users/slugs.ts). */
  authorSlug: string | null;
  labels: { name: string; slug: string }[];
  featuredImage: FeaturedImage | null;
  commentCount: number;
}

export interface PostList {
  posts: PostSummary[];
  /** Cursors for the "Older posts" / "Newer posts" links; undefined where there is nothing more. */
  older?: Cursor;
  newer?: Cursor;
}

/** A post's labels, by name, as every reader page shows them. */
export const postLabelsSelect = {
  select: { label: { select: { name: true, slug: true } } },
  orderBy: { label: { name: "asc" } },
} satisfies Prisma.Post$labelsArgs;

/** The writer as every reader page's "Posted by" names and links them. */
export const authorSelect = { select: { name: true, slug: true } } satisfies Prisma.UserDefaultArgs;

const postSummarySelect = {
  id: true,
  title: true,
  permalink: true,
  excerpt: true,
  bodyHtml: true,
  publishedAt: true,
  author: authorSelect,
  labels: postLabelsSelect,
  featuredImage: featuredImageSelect,
  _count: { select: { comments: { where: visibleCommentsWhere } } },
} satisfies Prisma.PostSelect;

function scopeWhere(scope: ListScope): Prisma.PostWhereInput {
  if (scope.kind === "label") return { labels: { some: { labelId: scope.labelId } } };
  if (scope.kind === "author") return { authorId: scope.authorId };
  // Permalinks carry the year and month the post was published in, in the blog's time zone.
  if (scope.kind === "period") return { permalink: { startsWith: `/${scope.period}/` } };
  return {};
}

/** The cursor's own post and every post past it, in the direction the reader is going. */
function fromCursor(cursor: Cursor, direction: "older" | "newer"): Prisma.PostWhereInput {
  const sameTime = direction === "older" ? { lte: cursor.id } : { gte: cursor.id };
  const past = direction === "older" ? { lt: cursor.publishedAt } : { gt: cursor.publishedAt };
  return { OR: [{ publishedAt: past }, { publishedAt: cursor.publishedAt, id: sameTime }] };
}

/**
 * One page of visible posts, newest first, with the cursors either side: one query, whatever the
 * data size. A cursor must name a post of this list at exactly its position, or the page has no
 * posts (a 404): so no made-up cursor can mint another cached page of real posts.
 */
export async function listVisiblePosts(options: { scope: ListScope; page: PageRequest; limit: number; now: Date }): Promise<PostList> {
  const { scope, page, limit, now } = options;
  const base: Prisma.PostWhereInput = { AND: [visiblePostsWhere(now), scopeWhere(scope)] };
  const cursor = "older" in page ? page.older : "newer" in page ? page.newer : undefined;
  const direction = "newer" in page ? "newer" : "older";
  const order = direction === "newer" ? "asc" : "desc";
  // The cursor's post comes first when it is what the cursor says; one more row past the page
  // tells whether there is anything further.
  const rows = await db.post.findMany({
    where: cursor ? { AND: [base, fromCursor(cursor, direction)] } : base,
    orderBy: [{ publishedAt: order }, { id: order }],
    take: (cursor ? 1 : 0) + limit + 1,
    select: postSummarySelect,
  });
  if (cursor) {
    const named = rows.shift();
    if (named?.id !== cursor.id || named.publishedAt?.getTime() !== cursor.publishedAt.getTime()) return { posts: [] };
  }
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  if (direction === "newer") pageRows.reverse();
  const posts = pageRows.map(toSummary);
  const first = posts[0];
  const last = posts.at(-1);
  if (!first || !last) return { posts };

  // The cursor's post lies on the side the reader came from, so there is more that way.
  const hasOlder = direction === "newer" || hasMore;
  const hasNewer = direction === "newer" ? hasMore : cursor !== undefined;
  return {
    posts,
    older: hasOlder ? cursorOf(last) : undefined,
    newer: hasNewer ? cursorOf(first) : undefined,
  };
}

function cursorOf(post: PostSummary): Cursor {
  return { publishedAt: post.publishedAt, id: post.id };
}

function toSummary(row: Prisma.PostGetPayload<{ select: typeof postSummarySelect }>): PostSummary {
  return {
    id: row.id,
    title: row.title,
    permalink: row.permalink!,
    excerpt: row.excerpt,
    bodyHtml: row.bodyHtml,
    publishedAt: row.publishedAt!,
    authorName: row.author.name,
    authorSlug: row.author.slug,
    labels: row.labels.map(({ label }) => label),
    commentCount: row._count.comments,
    featuredImage: featuredImageOf(row.featuredImage),
  };
}
