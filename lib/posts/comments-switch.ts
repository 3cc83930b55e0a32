import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { getPostForUser } from "@/lib/posts/access";

/**
 * Opens or closes the post's comments at once: a setting of the live post, not part of its
 * words, so it neither waits for Update nor changes the version the editor saves against.
 */
export async function setCommentsOpen({ user, postId, open }: { user: DashboardUser; postId: string; open: boolean }) {
  await getPostForUser(user, postId, { select: { id: true } });
  return db.post.update({ where: { id: postId }, data: { commentsOpen: open }, select: { commentsOpen: true } });
}
