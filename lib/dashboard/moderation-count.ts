import "server-only";
import { db } from "@/lib/db";
import type { DashboardUser } from "@/lib/dashboard/access";

/** The navigation's badge: comments awaiting a decision on the user's posts (every post, for admins). */
export async function countCommentsAwaitingModeration(user: DashboardUser): Promise<number> {
  return db.comment.count({
    where: { status: "PENDING", post: user.role === "ADMIN" ? {} : { authorId: user.id } },
  });
}
