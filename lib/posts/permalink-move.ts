import "server-only";
import { InvalidRequestError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Gives a post a new permalink inside the caller's transaction. When it had one, links to the old
 * path keep working: a Redirect from it, and older Redirects to it now point at the new path, so
 * a reader is never sent along a chain. Returns whether any Redirect row changed.
 */
export async function movePermalink(
  tx: Prisma.TransactionClient,
  { postId, from, to }: { postId: string; from: string | null; to: string },
): Promise<{ redirectsChanged: boolean }> {
  if (from === to) return { redirectsChanged: false };
  const taken = await tx.post.findFirst({ where: { permalink: to, id: { not: postId } }, select: { id: true } });
  if (taken) throw new InvalidRequestError(`Another post already has the address ${to}. Choose another slug.`);
  // The post owns its new path now: a redirect away from it would never be reached, or would loop.
  const freed = await tx.redirect.deleteMany({ where: { fromPath: to } });
  if (!from) return { redirectsChanged: freed.count > 0 };
  await tx.redirect.updateMany({ where: { toPath: from }, data: { toPath: to } });
  await tx.redirect.upsert({ where: { fromPath: from }, create: { fromPath: from, toPath: to }, update: { toPath: to } });
  return { redirectsChanged: true };
}
