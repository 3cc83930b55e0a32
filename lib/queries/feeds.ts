import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { archiveMonthPath } from "@/lib/permalinks";
import { visibleCommentsWhere, visiblePagesWhere, visiblePostsWhere } from "@/lib/queries/visibility";

// The queries behind the feeds and the sitemap: plain functions, cached by lib/feeds.ts. Each one
// takes the client to read with (the app's from lib/db.ts, or a test's) and issues a fixed number
// of queries whatever the data size. Everything goes through the visibility rules, so a draft, a
// post scheduled for later or a post in the trash (and their comments) never reaches a reader.

export type Database = Pick<PrismaClient, "post" | "comment" | "label" | "page">;

export interface FeedLabel {
  id: string;
  name: string;
  slug: string;
}

export interface FeedPost {
  id: string;
  title: string;
  /** "/2011/09/slug" */
  path: string;
  bodyHtml: string;
  publishedAt: Date;
  /** When readers last saw it change: its last edit, or its publication if that came later (scheduled posts). */
  updatedAt: Date;
  authorName: string;
  labels: string[];
}

export interface FeedComment {
  id: string;
  bodyHtml: string;
  createdAt: Date;
  updatedAt: Date;
  author: { name: string; url: string | null };
  post: { id: string; title: string; path: string };
}

export interface SitemapEntry {
  path: string;
  lastModified?: Date;
}

export interface SitemapContent {
  home: SitemapEntry;
  posts: SitemapEntry[];
  months: SitemapEntry[];
  labels: SitemapEntry[];
  pages: SitemapEntry[];
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}

/** The label a label feed names: by its name ("Library life", as Blogger's feeds do) or its slug; only labels readers can see posts under. */
export async function findFeedLabel(db: Database, { nameOrSlug, now }: { nameOrSlug: string; now: Date }): Promise<FeedLabel | null> {
  const found = await db.label.findMany({
    where: { OR: [{ name: nameOrSlug }, { slug: nameOrSlug }], posts: { some: { post: visiblePostsWhere(now) } } },
    select: { id: true, name: true, slug: true },
    take: 2,
  });
  // A label whose name is another label's slug: the name wins, as in Blogger's URLs.
  return found.find((label) => label.name === nameOrSlug) ?? found[0] ?? null;
}

/** The newest visible posts, newest first, with everything a feed entry shows; under one label if given. */
export async function findFeedPosts(
  db: Database,
  { now, take, labelId }: { now: Date; take: number; labelId?: string },
): Promise<FeedPost[]> {
  const rows = await db.post.findMany({
    where: { ...visiblePostsWhere(now), ...(labelId ? { labels: { some: { labelId } } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      title: true,
      permalink: true,
      bodyHtml: true,
      publishedAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      labels: { select: { label: { select: { name: true } } }, orderBy: { label: { name: "asc" } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    path: row.permalink!,
    bodyHtml: row.bodyHtml,
    publishedAt: row.publishedAt!,
    updatedAt: later(row.updatedAt, row.publishedAt!),
    authorName: row.author.name,
    labels: row.labels.map(({ label }) => label.name),
  }));
}

/** A visible post, for its comments feed. */
export async function findFeedPost(
  db: Database,
  { postId, now }: { postId: string; now: Date },
): Promise<{ id: string; title: string; path: string; publishedAt: Date } | null> {
  const row = await db.post.findFirst({
    where: { ...visiblePostsWhere(now), id: postId },
    select: { id: true, title: true, permalink: true, publishedAt: true },
  });
  return row && { id: row.id, title: row.title, path: row.permalink!, publishedAt: row.publishedAt! };
}

/** The newest visible comments on visible posts, newest first; on one post if given. */
export async function findFeedComments(
  db: Database,
  { now, take, postId }: { now: Date; take: number; postId?: string },
): Promise<FeedComment[]> {
  const rows = await db.comment.findMany({
    where: { ...visibleCommentsWhere, ...(postId ? { postId } : {}), post: visiblePostsWhere(now) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      bodyHtml: true,
      createdAt: true,
      editedAt: true,
      authorName: true,
      authorUrl: true,
      user: { select: { name: true } },
      post: { select: { id: true, title: true, permalink: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt,
    updatedAt: row.editedAt ? later(row.editedAt, row.createdAt) : row.createdAt,
    // An account's current name; an imported comment's guest name; a deleted account's comment is anonymous.
    author: row.user ? { name: row.user.name, url: null } : { name: row.authorName || "Anonymous", url: row.authorUrl },
    post: { id: row.post.id, title: row.post.title, path: row.post.permalink! },
  }));
}

/**
 * Every page a search engine should know, with when it last changed: the home page, each visible
 * post, each archive month (in the blog's time zone) and label that has visible posts, and each
 * published static page. Two queries, whatever the size of the blog.
 */
export async function findSitemapContent(db: Database, { now, timeZone }: { now: Date; timeZone: string }): Promise<SitemapContent> {
  const [posts, pages] = await Promise.all([
    db.post.findMany({
      where: visiblePostsWhere(now),
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { permalink: true, publishedAt: true, updatedAt: true, labels: { select: { label: { select: { slug: true } } } } },
    }),
    db.page.findMany({ where: visiblePagesWhere, orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } }),
  ]);

  const months = new Map<string, Date>();
  const labels = new Map<string, Date>();
  const newest = (map: Map<string, Date>, path: string, changed: Date) => {
    const known = map.get(path);
    map.set(path, known ? later(known, changed) : changed);
  };
  const postEntries = posts.map((post) => {
    const changed = later(post.updatedAt, post.publishedAt!);
    newest(months, archiveMonthPath(post.publishedAt!, timeZone), changed);
    for (const { label } of post.labels) newest(labels, `/label/${label.slug}`, changed);
    return { path: post.permalink!, lastModified: changed };
  });
  const entries = (map: Map<string, Date>) => [...map].map(([path, lastModified]) => ({ path, lastModified }));

  return {
    home: { path: "/", lastModified: postEntries.reduce<Date | undefined>((found, entry) => (found ? later(found, entry.lastModified) : entry.lastModified), undefined) },
    posts: postEntries,
    // Posts come newest first, so months do too.
    months: entries(months),
    labels: entries(labels).sort((a, b) => a.path.localeCompare(b.path)),
    pages: pages.map((page) => ({ path: `/p/${page.slug}`, lastModified: page.updatedAt })),
  };
}
