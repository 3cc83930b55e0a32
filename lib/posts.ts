import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleCommentsWhere, visiblePostsWhere } from "@/lib/queries/visibility";

const postSummarySelect = {
  id: true,
  title: true,
  permalink: true,
  excerpt: true,
  bodyHtml: true,
  publishedAt: true,
  author: { select: { name: true } },
  labels: { select: { label: { select: { name: true, slug: true } } }, orderBy: { label: { name: "asc" } } },
  _count: { select: { comments: { where: visibleCommentsWhere } } },
} satisfies Prisma.PostSelect;

export interface PostSummary {
  id: string;
  title: string;
  permalink: string;
  excerpt: string | null;
  bodyHtml: string;
  publishedAt: Date;
  authorName: string;
  labels: { name: string; slug: string }[];
  commentCount: number;
}

/** The newest visible posts, newest first: the home page. */
export async function getNewestPosts({ limit }: { limit: number }): Promise<PostSummary[]> {
  "use cache";
  cacheTag(tags.posts);
  cacheLife({ stale: 60, revalidate: 60, expire: 3600 });
  const rows = await db.post.findMany({
    where: visiblePostsWhere(new Date()),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: postSummarySelect,
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    permalink: row.permalink!,
    excerpt: row.excerpt,
    bodyHtml: row.bodyHtml,
    publishedAt: row.publishedAt!,
    authorName: row.author.name,
    labels: row.labels.map(({ label }) => label),
    commentCount: row._count.comments,
  }));
}
