import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Which posts a dashboard user may see and change: their own, or every post for an admin. */
export function postsVisibleTo(user: DashboardUser): Prisma.PostWhereInput {
  return user.role === "ADMIN" ? {} : { authorId: user.id };
}

/**
 * A post the user may work on, or NotFoundError: another author's post answers exactly like a
 * post that does not exist, so ids cannot be probed.
 */
export async function getPostForUser<Select extends Prisma.PostSelect>(
  user: DashboardUser,
  postId: string,
  { select, tx = db }: { select: Select; tx?: Prisma.TransactionClient },
): Promise<Prisma.PostGetPayload<{ select: Select }>> {
  const post = await tx.post.findFirst({ where: { id: postId, ...postsVisibleTo(user) }, select });
  if (!post) throw new NotFoundError("That post");
  return post;
}
