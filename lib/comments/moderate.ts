import "server-only";
import { findCommentForChange } from "@/lib/comments/find";
import { moderatesPost } from "@/lib/comments/rules";
import { queueCommentNotices } from "@/lib/notifications/notices";
import { commentsWritten } from "@/lib/cache-invalidation";
import { db } from "@/lib/db";
import { NotFoundError, ReaderError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/session";
import type { ModerationDecision } from "@/lib/validation/comments";

const STATUS_AFTER: Record<ModerationDecision, CommentStatus> = { approve: "VISIBLE", hide: "PENDING", spam: "SPAM", delete: "DELETED" };

/** What a decision writes: a removed comment loses its text and says a moderator removed it. */
function changesFor(decision: ModerationDecision): Prisma.CommentUpdateManyMutationInput {
  return decision === "delete" ? { status: STATUS_AFTER.delete, removedBy: "MODERATOR", bodyHtml: "" } : { status: STATUS_AFTER[decision] };
}

/** The post's author or an admin approves, hides (back to pending), marks as spam or deletes a comment. */
export async function moderateComment({ user, commentId, decision }: { user: CurrentUser; commentId: string; decision: ModerationDecision }) {
  const comment = await findCommentForChange(commentId);
  if (!moderatesPost(user, comment.post)) throw new ReaderError("FORBIDDEN", (t) => t.refusals.onlyModerators);
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: comment.id }, data: changesFor(decision) });
    await noticesOnApproval(tx, [comment.id], decision);
  });
  return { postId: comment.postId, expire: commentsWritten([comment.postId]) };
}

/**
 * One decision on several comments (the dashboard's queue), all or nothing: every id must be a
 * comment (not deleted) on a post the user moderates, else nothing changes and the answer is the
 * same NotFoundError as for a missing comment, so ids of other authors' comments cannot be probed.
 * Returns the posts whose comments changed and the cache tags the caller expires for them.
 */
export async function moderateComments({ user, commentIds, decision }: { user: CurrentUser; commentIds: string[]; decision: ModerationDecision }) {
  const ids = [...new Set(commentIds)];
  if (ids.length === 0) throw new NotFoundError("Those comments");
  return db.$transaction(async (tx) => {
    // Locked first, so no comment is deleted or moved between the check and the write.
    await tx.$queryRaw`SELECT id FROM "Comment" WHERE id = ANY(${ids}) FOR UPDATE`;
    const comments = await tx.comment.findMany({
      where: { id: { in: ids }, status: { not: "DELETED" } },
      select: { id: true, postId: true, post: { select: { authorId: true } } },
    });
    if (comments.length !== ids.length || !comments.every((comment) => moderatesPost(user, comment.post))) {
      throw new NotFoundError(ids.length === 1 ? "That comment" : "One or more of those comments");
    }
    const { count } = await tx.comment.updateMany({ where: { id: { in: ids } }, data: changesFor(decision) });
    await noticesOnApproval(tx, ids, decision);
    return { count, expire: commentsWritten(comments.map((comment) => comment.postId)) };
  });
}

/** A held comment that now shows is news to the post's subscribers (its author was told when it came). */
async function noticesOnApproval(tx: Prisma.TransactionClient, commentIds: string[], decision: ModerationDecision): Promise<void> {
  if (decision !== "approve") return;
  for (const commentId of commentIds) await queueCommentNotices(tx, commentId, { isNew: false });
}
