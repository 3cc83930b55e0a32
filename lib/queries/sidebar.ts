import "server-only";
import { db } from "@/lib/db";
import { visiblePostsSql, visiblePostsWhere } from "@/lib/queries/visibility";

export interface ArchiveMonth {
  /** "2011/09" */
  period: string;
  count: number;
}

/**
 * Visible posts counted per month of their permalink (the month in the blog's time zone), newest
 * first, in one query.
 */
export async function countPostsByMonth({ now }: { now: Date }): Promise<ArchiveMonth[]> {
  const rows = await db.$queryRaw<{ period: string; count: bigint }[]>`
    SELECT substring(p."permalink" FROM 2 FOR 7) AS period, count(*) AS count
      FROM "Post" p
     WHERE ${visiblePostsSql(now)}
     GROUP BY 1 ORDER BY 1 DESC`;
  return rows.map((row) => ({ period: row.period, count: Number(row.count) }));
}

// The expanded month in the archive widget lists this many of its titles; its "All of …" link has
// the rest. The widget is on every reader page, and a busy month has a hundred posts.
const NEWEST_TITLES = 10;

/** The newest titles of one month's visible posts, newest first: the expanded month of the archive widget. */
export async function listMonthTitles({ period, now }: { period: string; now: Date }) {
  const rows = await db.post.findMany({
    where: { AND: [visiblePostsWhere(now), { permalink: { startsWith: `/${period}/` } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { title: true, permalink: true },
    take: NEWEST_TITLES,
  });
  return rows.map((row) => ({ title: row.title, permalink: row.permalink! }));
}

export interface LabelCount {
  name: string;
  slug: string;
  count: number;
}

/** Labels with at least one visible post, by name, with how many. */
export async function listLabelCounts({ now }: { now: Date }): Promise<LabelCount[]> {
  const labels = await db.label.findMany({
    orderBy: { name: "asc" },
    select: { name: true, slug: true, _count: { select: { posts: { where: { post: visiblePostsWhere(now) } } } } },
  });
  return labels.filter((label) => label._count.posts > 0).map(({ name, slug, _count }) => ({ name, slug, count: _count.posts }));
}

export async function findLabel(where: { slug: string } | { name: string }) {
  const filter = "slug" in where ? { slug: where.slug } : { name: { equals: where.name, mode: "insensitive" as const } };
  return db.label.findFirst({ where: filter, select: { id: true, name: true, slug: true } });
}
