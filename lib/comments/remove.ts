import "server-only";
import { ReaderError } from "@/lib/errors";
import { findCommentForChange } from "@/lib/comments/find";
import { commentsWritten } from "@/lib/cache-invalidation";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/session";

/**
 * The writer takes their own comment down, at any time. The row stays, emptied, as DELETED: with
 * replies below it the thread shows "removed by the author" in its place, without replies the
 * thread leaves it out, and its idempotency key keeps a late retry from bringing it back.
 */
export async function removeOwnComment({ user, commentId }: { user: CurrentUser; commentId: string }) {
  const comment = await findCommentForChange(commentId);
  if (comment.userId !== user.id) throw new ReaderError("FORBIDDEN", (t) => t.refusals.onlyOwnDeletes);
  await db.comment.update({ where: { id: comment.id }, data: { status: "DELETED", removedBy: "AUTHOR", bodyHtml: "" } });
  return { postId: comment.postId, expire: commentsWritten([comment.postId]) };
}
