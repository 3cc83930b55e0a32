import "server-only";
import { db } from "@/lib/db";

/** Whether the account is told by email of comments on its posts. */
export async function commentNoticesOn(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { commentNotices: true } });
  return user?.commentNotices ?? false;
}

export async function setCommentNotices(userId: string, on: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { commentNotices: on } });
}
