import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Moves a reader page from one path to another inside the caller's transaction. Links to the old
 * path keep working: a Redirect from it, and older Redirects to it now point at the new path, so
 * a reader is never sent along a chain. Returns whether any Redirect row changed.
 */
export async function moveAddress(tx: Prisma.TransactionClient, { from, to }: { from: string | null; to: string }): Promise<boolean> {
  if (from === to) return false;
  // The page owns its new path now: a redirect away from it would never be reached, or would loop.
  const freed = await tx.redirect.deleteMany({ where: { fromPath: to } });
  if (!from) return freed.count > 0;
  await tx.redirect.updateMany({ where: { toPath: from }, data: { toPath: to } });
  await tx.redirect.upsert({ where: { fromPath: from }, create: { fromPath: from, toPath: to }, update: { toPath: to } });
  return true;
}
