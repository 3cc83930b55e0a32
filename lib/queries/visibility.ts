import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

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

/** Comments readers see and count. */
export const visibleCommentsWhere = { status: "VISIBLE" } satisfies Prisma.CommentWhereInput;

/** visiblePostsWhere for raw SQL, for a query that names the post table `p`. */
export function visiblePostsSql(now: Date): Prisma.Sql {
  return Prisma.sql`p."status" IN ('PUBLISHED', 'SCHEDULED') AND p."publishedAt" <= ${now}
    AND p."permalink" IS NOT NULL AND p."trashedAt" IS NULL`;
}
/** Static pages readers may see (/p/slug): published ones. */
export const visiblePagesWhere = { status: "PUBLISHED" } satisfies Prisma.PageWhereInput;
