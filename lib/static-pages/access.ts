import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Static pages follow the posts' rule: authors manage their own, admins every page. */
export function pagesVisibleTo(user: DashboardUser): Prisma.PageWhereInput {
  return user.role === "ADMIN" ? {} : { authorId: user.id };
}

/** A page the user may manage, or NotFoundError: another author's page answers like a missing one. */
export async function getPageForUser<Select extends Prisma.PageSelect>(
  user: DashboardUser,
  pageId: string,
  { select, tx = db }: { select: Select; tx?: Prisma.TransactionClient },
): Promise<Prisma.PageGetPayload<{ select: Select }>> {
  const page = await tx.page.findFirst({ where: { id: pageId, ...pagesVisibleTo(user) }, select });
  if (!page) throw new NotFoundError("That page");
  return page;
}
