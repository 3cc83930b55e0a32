import "server-only";
import type { CommentModeration, CommentStatus, Role } from "@/lib/generated/prisma/enums";

/** How long a writer may edit a comment after posting it. */
const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** Replies nest this deep at most; a reply to a comment at this depth becomes its sibling. */
export const MAX_DEPTH = 3;
/** A comment with more links than this waits for a moderator, whatever the blog's policy. */
export const MAX_LINKS_UNMODERATED = 3;
export const COMMENT_RATE_LIMITS = [
  { name: "comment-minute", limit: 5, windowSeconds: 60 },
  { name: "comment-day", limit: 50, windowSeconds: 24 * 60 * 60 },
];
/** Edits count apart from new comments: each one rewrites a page readers see, like a new comment. */
export const COMMENT_EDIT_RATE_LIMITS = [
  { name: "comment-edit-minute", limit: 5, windowSeconds: 60 },
  { name: "comment-edit-day", limit: 50, windowSeconds: 24 * 60 * 60 },
];

/**
 * Moderators of a post's comments: its author while they are one, and every admin. An author an
 * admin made a reader again keeps their old posts but no longer moderates, as the dashboard says.
 */
export function moderatesPost(user: { id: string; role: Role }, post: { authorId: string }): boolean {
  return user.role === "ADMIN" || (user.role === "AUTHOR" && user.id === post.authorId);
}

export function countLinks(html: string): number {
  return html.match(/<a\b/g)?.length ?? 0;
}

/** Whether a new comment shows at once or waits for a moderator. */
export function initialStatus({
  moderation,
  moderateAfterDays,
  postPublishedAt,
  writerHasApprovedComment,
  writerModerates,
  linkCount,
  now,
}: {
  moderation: CommentModeration;
  moderateAfterDays: number;
  postPublishedAt: Date;
  writerHasApprovedComment: boolean;
  writerModerates: boolean;
  linkCount: number;
  now: Date;
}): Extract<CommentStatus, "VISIBLE" | "PENDING"> {
  if (writerModerates) return "VISIBLE";
  if (linkCount > MAX_LINKS_UNMODERATED) return "PENDING";
  switch (moderation) {
    case "NEVER":
      return "VISIBLE";
    case "ALWAYS":
      return "PENDING";
    case "OLDER_POSTS":
      return now.getTime() - postPublishedAt.getTime() > moderateAfterDays * 24 * 60 * 60 * 1000 ? "PENDING" : "VISIBLE";
    case "FIRST_COMMENT":
      return writerHasApprovedComment ? "VISIBLE" : "PENDING";
  }
}

export function withinEditWindow(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MS;
}
