import "server-only";
import { ReaderError } from "@/lib/errors";
import { countLinks, initialStatus, moderatesPost } from "@/lib/comments/rules";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/session";
import { visiblePostsWhere } from "@/lib/queries/visibility";
import { getCurrentSettings } from "@/lib/settings";

type CommentablePost = Awaited<ReturnType<typeof findOpenPost>>;

/** A published, visible post that takes comments; else the writer is told why not. */
export async function findOpenPost(postId: string, now: Date) {
  const post = await db.post.findFirst({
    where: { AND: [visiblePostsWhere(now), { id: postId }] },
    select: { id: true, authorId: true, permalink: true, publishedAt: true, commentsOpen: true },
  });
  if (!post) throw new ReaderError("NOT_FOUND", (t) => t.refusals.postGone);
  if (!post.commentsOpen) throw new ReaderError("CLOSED", (t) => t.refusals.closedOnPost);
  return { ...post, permalink: post.permalink!, publishedAt: post.publishedAt! };
}

/**
 * A guest's comment always waits for a moderator (a guest has no account whose approved comments
 * could vouch for them, and nothing to edit it with); refused unless the blog takes guests.
 */
export async function guestStatusUnderPolicy(): Promise<"PENDING"> {
  const { commentPermission } = await getCurrentSettings();
  if (commentPermission === "NOBODY") throw new ReaderError("CLOSED", (t) => t.refusals.closedOnBlog);
  if (commentPermission !== "ANYONE") throw new ReaderError("CLOSED", (t) => t.refusals.signedInOnly);
  return "PENDING";
}

/**
 * Whether a text written now on this post shows at once or waits for a moderator, under the
 * blog's policy; refused when the blog takes no comments. New comments and edits both come here,
 * so an edit cannot slip past what a new comment would meet. For an edit, `editing` is the
 * comment's id: its own approval does not vouch for its new text under FIRST_COMMENT.
 */
export async function statusUnderPolicy({ user, post, bodyHtml, now, editing }: { user: CurrentUser; post: CommentablePost; bodyHtml: string; now: Date; editing?: string }) {
  const settings = await getCurrentSettings();
  if (settings.commentPermission === "NOBODY") throw new ReaderError("CLOSED", (t) => t.refusals.closedOnBlog);
  const writerModerates = moderatesPost(user, post);
  const approvedElsewhere = () => db.comment.count({ where: { userId: user.id, status: "VISIBLE", ...(editing ? { id: { not: editing } } : {}) }, take: 1 });
  return initialStatus({
    moderation: settings.commentModeration,
    moderateAfterDays: settings.moderateAfterDays,
    postPublishedAt: post.publishedAt,
    writerHasApprovedComment: writerModerates || (await approvedElsewhere()) > 0,
    writerModerates,
    linkCount: countLinks(bodyHtml),
    now,
  });
}
