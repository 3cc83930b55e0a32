import "server-only";
import { db } from "@/lib/db";
import { visiblePostsWhere } from "@/lib/queries/visibility";

export interface AuthorProfile {
  id: string;
  name: string;
  slug: string;
  image: string | null;
  bio: string;
}

// A writer has a public page only once readers can see one of their posts: the same rule as
// every list, so a reader's account, or a writer with drafts only, is never listed anywhere.
const hasVisiblePost = (now: Date) => ({ posts: { some: visiblePostsWhere(now) } });

/** The author whose page lives at /profile/<slug>, or null (a 404). */
export async function findAuthor({ slug, now }: { slug: string; now: Date }): Promise<AuthorProfile | null> {
  const row = await db.user.findFirst({ where: { slug, ...hasVisiblePost(now) }, select: { id: true, name: true, slug: true, image: true, bio: true } });
  return row && { ...row, slug: row.slug! };
}

/** Slugs of authors with a page, for the build's samples. */
export async function listAuthorSlugs({ now, limit }: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db.user.findMany({ where: { slug: { not: null }, ...hasVisiblePost(now) }, orderBy: { createdAt: "asc" }, take: limit, select: { slug: true } });
  return rows.map((row) => row.slug!);
}
