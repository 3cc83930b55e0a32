import "server-only";
import { db } from "@/lib/db";
import { siteLocalTarget, type LegacyAddress } from "@/lib/legacy-addresses";
import { findPermalinksForSlug } from "@/lib/queries/post-page";
import { visibleCommentsWhere, visiblePostsWhere } from "@/lib/queries/visibility";

// Where an old address leads, from the Redirect table and the posts it names. Reader routes call
// this through getLegacyTarget (lib/reader.ts, cached); the proxy calls it directly, since
// "use cache" cannot run outside the App Router, and only for old addresses no route serves.

/** The path an old address leads to on this site, or null when nothing here answers to it. */
export async function resolveLegacyAddress(address: LegacyAddress, now: Date): Promise<string | null> {
  switch (address.kind) {
    case "fixed":
      return address.target;
    case "redirect":
      return (await findRedirect(address.paths)) ?? (address.slug ? onlyPermalinkForSlug(address.slug, now) : null);
    case "comment": {
      const post = await findPostAt(address.postPath, now);
      if (!post) return null;
      const comment = await db.comment.findFirst({
        where: { postId: post.id, createdAt: address.createdAt, status: visibleCommentsWhere.status },
        select: { id: true },
      });
      return comment ? `${post.permalink}#c${comment.id}` : post.permalink;
    }
    case "comments-feed": {
      const post = await findPostAt(address.postPath, now);
      return post ? `/feeds/${post.id}/comments/default` : null;
    }
  }
}

async function findRedirect(paths: string[]): Promise<string | null> {
  const rows = await db.redirect.findMany({ where: { fromPath: { in: paths } }, select: { fromPath: true, toPath: true } });
  // The path as asked for wins over its other encodings.
  const row = paths.map((path) => rows.find((candidate) => candidate.fromPath === path)).find(Boolean);
  return row ? siteLocalTarget(row.toPath) : null;
}

/** Where a real slug under the wrong /YYYY/MM/ should go: the one visible post with it, if only one. */
async function onlyPermalinkForSlug(slug: string, now: Date): Promise<string | null> {
  const permalinks = await findPermalinksForSlug({ slug, now });
  return permalinks.length === 1 ? permalinks[0]! : null;
}

/** The visible post at a path, or at where that path redirects. */
async function findPostAt(path: string, now: Date): Promise<{ id: string; permalink: string } | null> {
  const select = { id: true, permalink: true } as const;
  const post =
    (await db.post.findFirst({ where: { AND: [visiblePostsWhere(now), { permalink: path }] }, select })) ??
    (await redirectedPost(path, now));
  return post?.permalink ? { id: post.id, permalink: post.permalink } : null;
}

async function redirectedPost(path: string, now: Date) {
  const target = await findRedirect([path]);
  return target ? db.post.findFirst({ where: { AND: [visiblePostsWhere(now), { permalink: target }] }, select: { id: true, permalink: true } }) : null;
}
