import "server-only";
import { db } from "@/lib/db";

/** The permalink of the post a comment is on: a reply page's address names only the comment. */
export async function findCommentPermalink(commentId: string): Promise<string | null> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { post: { select: { permalink: true } } } });
  return comment?.post.permalink ?? null;
}
