import "server-only";
import { moderatesPost, withinEditWindow } from "@/lib/comments/rules";
import { db } from "@/lib/db";
import { commentHtmlToText } from "@/lib/html";
import type { CurrentUser } from "@/lib/session";

export interface PendingComment {
  id: string;
  parentId: string | null;
  authorName: string;
  bodyHtml: string;
  createdAt: Date;
  mine: boolean;
}

/** What one reader may do with a post's comments, for the page's per-viewer part. */
export interface CommentViewer {
  userId: string;
  name: string;
  moderator: boolean;
  /** The viewer's own shown comments on this post: whether still editable, and the text to edit. */
  own: { id: string; editable: boolean; text: string }[];
  /** Comments awaiting moderation this viewer may see: their own, or all of them for a moderator. */
  pending: PendingComment[];
}

export async function getCommentViewer({ user, postId, now }: { user: CurrentUser; postId: string; now: Date }): Promise<CommentViewer | null> {
  const post = await db.post.findUnique({ where: { id: postId }, select: { authorId: true } });
  if (!post) return null;
  const moderator = moderatesPost(user, post);
  const [own, pending] = await Promise.all([
    db.comment.findMany({ where: { postId, userId: user.id, status: { in: ["VISIBLE", "PENDING"] } }, select: { id: true, createdAt: true, bodyHtml: true } }),
    db.comment.findMany({
      where: { postId, status: "PENDING", ...(moderator ? {} : { userId: user.id }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, parentId: true, userId: true, authorName: true, bodyHtml: true, createdAt: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    userId: user.id,
    name: user.name,
    moderator,
    own: own.map((comment) => ({
      id: comment.id,
      editable: withinEditWindow(comment.createdAt, now),
      text: commentHtmlToText(comment.bodyHtml),
    })),
    pending: pending.map((comment) => ({
      id: comment.id,
      parentId: comment.parentId,
      authorName: comment.user?.name ?? comment.authorName ?? "Anonymous",
      bodyHtml: comment.bodyHtml,
      createdAt: comment.createdAt,
      mine: comment.userId === user.id,
    })),
  };
}
