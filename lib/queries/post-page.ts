import "server-only";
import { db } from "@/lib/db";
import { featuredImageOf, featuredImageSelect, type FeaturedImage } from "@/lib/uploads/featured";
import { authorSelect, postLabelsSelect } from "@/lib/queries/post-lists";
import { visibleCommentsWhere, visiblePostsWhere } from "@/lib/queries/visibility";

export interface PostDetail {
  id: string;
  title: string;
  permalink: string;
  bodyHtml: string;
  excerpt: string | null;
  publishedAt: Date;
  updatedAt: Date;
  authorName: string;
  authorSlug: string | null;
  labels: { name: string; slug: string }[];
  featuredImage: FeaturedImage | null;
  commentsOpen: boolean;
}

export interface PostLink {
  title: string;
  permalink: string;
}

export async function findVisiblePost({ permalink, now }: { permalink: string; now: Date }): Promise<PostDetail | null> {
  const row = await db.post.findFirst({
    where: { AND: [visiblePostsWhere(now), { permalink }] },
    select: {
      id: true,
      title: true,
      permalink: true,
      bodyHtml: true,
      excerpt: true,
      publishedAt: true,
      updatedAt: true,
      commentsOpen: true,
      author: authorSelect,
      labels: postLabelsSelect,
      featuredImage: featuredImageSelect,
    },
  });
  if (!row) return null;
  return {
    ...row,
    permalink: row.permalink!,
    publishedAt: row.publishedAt!,
    authorName: row.author.name,
    authorSlug: row.author.slug,
    labels: row.labels.map(({ label }) => label),
    featuredImage: featuredImageOf(row.featuredImage),
  };
}

/** The posts either side in reading order: "Newer post" and "Older post". */
export async function findAdjacentPosts({ post, now }: { post: { id: string; publishedAt: Date }; now: Date }) {
  const select = { title: true, permalink: true } as const;
  const [newer, older] = await Promise.all([
    db.post.findFirst({
      where: { AND: [visiblePostsWhere(now), { OR: [{ publishedAt: { gt: post.publishedAt } }, { publishedAt: post.publishedAt, id: { gt: post.id } }] }] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select,
    }),
    db.post.findFirst({
      where: { AND: [visiblePostsWhere(now), { OR: [{ publishedAt: { lt: post.publishedAt } }, { publishedAt: post.publishedAt, id: { lt: post.id } }] }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select,
    }),
  ]);
  return { newer: newer as PostLink | null, older: older as PostLink | null };
}

/** Visible posts with this slug in any month: where a wrong /YYYY/MM/ for a real slug should go. */
export async function findPermalinksForSlug({ slug, now }: { slug: string; now: Date }): Promise<string[]> {
  const rows = await db.post.findMany({ where: { AND: [visiblePostsWhere(now), { slug }] }, select: { permalink: true }, take: 2 });
  return rows.map((row) => row.permalink!);
}

export interface CommentNode {
  id: string;
  authorName: string;
  authorUrl: string | null;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  /** "author" when the post's author wrote it, "staff" for another author or admin: readers cannot pose as them. */
  writer: false | "author" | "staff";
  /** Removed (by its writer or by a moderator) but kept because replies hang from it. */
  removed: false | "author" | "moderator";
  replies: CommentNode[];
}

/**
 * A post's comments as a thread, oldest first, in one query. Removed comments are kept only
 * where a visible reply hangs below them, shown as removed.
 */
export async function listPostComments({ postId }: { postId: string }): Promise<{ count: number; thread: CommentNode[] }> {
  const rows = await db.comment.findMany({
    where: { postId, status: { in: [visibleCommentsWhere.status, "DELETED"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      parentId: true,
      status: true,
      authorName: true,
      authorUrl: true,
      bodyHtml: true,
      createdAt: true,
      editedAt: true,
      removedBy: true,
      // Counting the writer's posts with this id asks "wrote this post?" inside the users' query.
      user: { select: { name: true, role: true, _count: { select: { posts: { where: { id: postId } } } } } },
    },
  });
  const nodes = new Map<string, CommentNode & { parentId: string | null }>();
  for (const row of rows) {
    // Imported deletions carry no remover; Blogger only kept those the writer removed.
    const removed = row.status !== "DELETED" ? false : row.removedBy === "MODERATOR" ? "moderator" : "author";
    nodes.set(row.id, {
      id: row.id,
      parentId: row.parentId,
      authorName: removed ? "" : (row.user?.name ?? row.authorName ?? "Anonymous"),
      authorUrl: removed ? null : row.authorUrl,
      writer: removed ? false : writerOf(row),
      bodyHtml: removed ? "" : row.bodyHtml,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      removed,
      replies: [],
    });
  }
  const roots: CommentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  const prune = (list: CommentNode[]): CommentNode[] =>
    list.filter((node) => {
      node.replies = prune(node.replies);
      return !node.removed || node.replies.length > 0;
    });
  const thread = prune(roots);
  return { count: rows.filter((row) => row.status === visibleCommentsWhere.status).length, thread: thread.map(stripParent) };
}

function writerOf({ user }: { user: { role: string; _count: { posts: number } } | null }): CommentNode["writer"] {
  if (!user) return false;
  if (user._count.posts > 0) return "author";
  return user.role === "AUTHOR" || user.role === "ADMIN" ? "staff" : false;
}

function stripParent({ id, authorName, authorUrl, writer, bodyHtml, createdAt, editedAt, removed, replies }: CommentNode): CommentNode {
  return { id, authorName, authorUrl, writer, bodyHtml, createdAt, editedAt, removed, replies: replies.map(stripParent) };
}
