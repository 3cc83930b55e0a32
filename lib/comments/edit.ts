import "server-only";
import { CommentError } from "@/lib/comments/errors";
import { findCommentForChange } from "@/lib/comments/find";
import { countLinks, MAX_LINKS_UNMODERATED, withinEditWindow } from "@/lib/comments/rules";
import { db } from "@/lib/db";
import { commentTextToHtml } from "@/lib/html";
import type { CurrentUser } from "@/lib/session";

/** The writer rewrites their own comment within the edit window; it is then marked "(edited)". */
export async function editComment({ user, commentId, body, now }: { user: CurrentUser; commentId: string; body: string; now: Date }) {
  const comment = await findCommentForChange(commentId);
  if (comment.userId !== user.id) throw new CommentError("forbidden", "You can only edit your own comments.");
  if (comment.status === "SPAM") throw new CommentError("forbidden", "This comment was marked as spam.");
  if (!withinEditWindow(comment.createdAt, now)) throw new CommentError("edit-window-over", "Comments can be edited for 15 minutes after posting.");
  const bodyHtml = commentTextToHtml(body);
  // An edit must not slip past the link threshold that a new comment would meet.
  const status = countLinks(bodyHtml) > MAX_LINKS_UNMODERATED ? "PENDING" : comment.status;
  await db.comment.update({ where: { id: comment.id }, data: { bodyHtml, status, editedAt: now } });
  return { postId: comment.postId, status };
}
