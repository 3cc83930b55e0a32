import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What readers may see: published, or scheduled and due, and not in the trash. Reader pages and
 * feeds all filter through this, so a draft or trashed post never leaks through one of them.
 */
export function visiblePostsWhere(now: Date): Prisma.PostWhereInput {
  return {
    status: { in: ["PUBLISHED", "SCHEDULED"] },
    publishedAt: { lte: now },
    permalink: { not: null },
    trashedAt: null,
  };
}

/** Comments readers may see: visible ones, or removed ones kept as "removed" placeholders for their replies. */
export const visibleCommentsWhere = { status: "VISIBLE" } satisfies Prisma.CommentWhereInput;

/** Static pages readers may see (/p/slug): published ones. */
export const visiblePagesWhere = { status: "PUBLISHED" } satisfies Prisma.PageWhereInput;
