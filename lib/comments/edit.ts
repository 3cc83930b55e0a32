import "server-only";
import { ReaderError } from "@/lib/errors";
import { findCommentForChange } from "@/lib/comments/find";
import { findOpenPost, statusUnderPolicy } from "@/lib/comments/policy";
import { COMMENT_EDIT_RATE_LIMITS, withinEditWindow } from "@/lib/comments/rules";
import { commentsWritten } from "@/lib/cache-invalidation";
import { db } from "@/lib/db";
import { commentTextToHtml } from "@/lib/html";
import { describeRetry, hitRateLimits } from "@/lib/rate-limit";
import type { CurrentUser } from "@/lib/session";

/**
 * The writer rewrites their own comment within the edit window; it is then marked "(edited)".
 * The new text meets the same policy as a new comment (closed comments, moderation, links): where
 * a new comment would wait for a moderator, an approved comment goes back to waiting. A held
 * comment stays held: an edit never approves.
 */
export async function editComment({ user, commentId, body, now }: { user: CurrentUser; commentId: string; body: string; now: Date }) {
  const comment = await findCommentForChange(commentId);
  if (comment.userId !== user.id) throw new ReaderError("FORBIDDEN", (t) => t.refusals.onlyOwnEdits);
  if (comment.status === "SPAM") throw new ReaderError("FORBIDDEN", (t) => t.refusals.markedAsSpam);
  if (!withinEditWindow(comment.createdAt, now)) throw new ReaderError("EDIT_WINDOW_OVER", (t) => t.refusals.editWindowOver);
  const post = await findOpenPost(comment.postId, now);
  const bodyHtml = commentTextToHtml(body);
  const status = (await statusUnderPolicy({ user, post, bodyHtml, now, editing: comment.id })) === "PENDING" ? "PENDING" : comment.status;
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: comment.id }, data: { bodyHtml, status, editedAt: now } });
    const limit = await hitRateLimits(COMMENT_EDIT_RATE_LIMITS, user.id, now, tx);
    if (!limit.allowed) throw new ReaderError("RATE_LIMITED", (t) => t.refusals.editingTooFast(describeRetry(limit.retryAfterSeconds, t)));
  });
  return { postId: comment.postId, status, expire: commentsWritten([comment.postId]) };
}
