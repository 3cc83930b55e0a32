import "server-only";
import type { PendingCommentView, ViewerResponse } from "@/components/blog/viewer-client";
import { getCommentViewer, type PendingComment } from "@/lib/comments/viewer";
import { canUseDashboard } from "@/lib/dashboard/access";
import { type BlogClock, formatDateTime } from "@/lib/dates";
import { db } from "@/lib/db";
import { postsVisibleTo } from "@/lib/posts/access";
import type { CurrentUser } from "@/lib/session";

/**
 * What GET /api/viewer tells one reader: who they are (the header's "Signed in as", and
 * "Dashboard" / "New post" for authors and admins) and, for a post page, whether they may edit
 * the post and what they may see and do with its comments. Small queries by key only: every
 * reader page asks this once it runs.
 */
export async function answerViewer({
  user,
  postId,
  now,
  clock,
}: {
  user: CurrentUser | null;
  postId?: string;
  now: Date;
  /** The blog's time zone and locale, read only when there are pending comments' dates to write. */
  clock: () => Promise<BlogClock>;
}): Promise<ViewerResponse> {
  if (!user) return { user: null };
  const viewer = { name: user.name, role: user.role };
  if (!postId) return { user: viewer };
  const [mayEditPost, comments] = await Promise.all([mayEdit(user, postId), getCommentViewer({ user, postId, now })]);
  return { user: viewer, mayEditPost, comments: comments && { ...comments, pending: await withDateTexts(comments.pending, clock) } };
}

async function withDateTexts(pending: PendingComment[], clockOf: () => Promise<BlogClock>): Promise<PendingCommentView[]> {
  if (pending.length === 0) return [];
  const { timeZone, locale } = await clockOf();
  return pending.map(({ createdAt, ...comment }) => ({ ...comment, createdAt: createdAt.toISOString(), createdAtText: formatDateTime(createdAt, timeZone, locale) }));
}

/** The same rule as the editor's: the post's author, or an admin; never a reader, whoever wrote it. */
async function mayEdit(user: CurrentUser, postId: string): Promise<boolean> {
  if (!canUseDashboard(user)) return false;
  return (await db.post.count({ where: { id: postId, ...postsVisibleTo(user) } })) > 0;
}
