import "server-only";
import { ReaderError } from "@/lib/errors";
import { db } from "@/lib/db";

/** A comment with what the ownership and moderator checks need; gone or already deleted is not found. */
export async function findCommentForChange(commentId: string) {
  const comment = await db.comment.findFirst({
    where: { id: commentId, status: { not: "DELETED" } },
    select: { id: true, postId: true, userId: true, status: true, createdAt: true, post: { select: { authorId: true } } },
  });
  if (!comment) throw new ReaderError("NOT_FOUND", (t) => t.refusals.commentGone);
  return comment;
}
