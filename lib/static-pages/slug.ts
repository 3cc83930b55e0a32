import "server-only";
import { ConflictError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const slugTakenMessage = (slug: string) => `Another page already lives at /p/${slug}. Choose a different slug.`;

/** Refuses a slug another page has, inside the caller's transaction, with a message for the form. */
export async function assertSlugFree(tx: Prisma.TransactionClient, slug: string, pageId?: string) {
  const holder = await tx.page.findFirst({ where: { slug, ...(pageId && { id: { not: pageId } }) }, select: { id: true } });
  if (holder) throw new ConflictError(slugTakenMessage(slug));
}

/** Two saves racing for one slug: the unique index refuses the second, with the same message. */
export function slugTakenError(error: unknown, slug: string): unknown {
  const isUniqueViolation = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
  return isUniqueViolation ? new ConflictError(slugTakenMessage(slug)) : error;
}
