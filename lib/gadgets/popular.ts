import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visiblePostsSql } from "@/lib/queries/visibility";

export interface PopularPost {
  title: string;
  permalink: string;
  comments: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The visible posts with the most visible comments written in the last `days` days (0: ever),
 * most first, ties to the newer post; a post with none in the period is not popular.
 */
export async function listPopularPosts({ days, count, now }: { days: number; count: number; now: Date }): Promise<PopularPost[]> {
  const since = days > 0 ? Prisma.sql`AND c."createdAt" >= ${new Date(now.getTime() - days * DAY_MS)}` : Prisma.empty;
  const rows = await db.$queryRaw<{ title: string; permalink: string; comments: bigint }[]>`
    SELECT p."title", p."permalink", count(*) AS comments
      FROM "Post" p JOIN "Comment" c ON c."postId" = p."id" AND c."status" = 'VISIBLE' AND c."createdAt" <= ${now} ${since}
     WHERE ${visiblePostsSql(now)}
     GROUP BY p."id"
     ORDER BY comments DESC, p."publishedAt" DESC, p."id" DESC
     LIMIT ${count}`;
  return rows.map((row) => ({ title: row.title, permalink: row.permalink, comments: Number(row.comments) }));
}
