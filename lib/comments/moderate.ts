import "server-only";
import { CommentError } from "@/lib/comments/errors";
import { findCommentForChange } from "@/lib/comments/find";
import { moderatesPost } from "@/lib/comments/rules";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/session";
import type { ModerationDecision } from "@/lib/validation/comments";

const STATUS_AFTER: Record<ModerationDecision, CommentStatus> = { approve: "VISIBLE", hide: "PENDING", spam: "SPAM", delete: "DELETED" };

/** The post's author or an admin approves, hides (back to pending), marks as spam or deletes a comment. */
export async function moderateComment({ user, commentId, decision }: { user: CurrentUser; commentId: string; decision: ModerationDecision }) {
  const comment = await findCommentForChange(commentId);
  if (!moderatesPost(user, comment.post)) throw new CommentError("forbidden", "Only the post's author or an admin can moderate its comments.");
  const deleting = decision === "delete";
  await db.comment.update({
    where: { id: comment.id },
    data: { status: STATUS_AFTER[decision], ...(deleting ? { removedBy: "MODERATOR", bodyHtml: "" } : {}) },
  });
  return { postId: comment.postId };
}
