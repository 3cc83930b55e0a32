import "server-only";
import { moveAddress } from "@/lib/address-move";
import { InvalidRequestError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Gives a post a new permalink inside the caller's transaction; links to the old one keep working
 * (lib/address-move.ts). Returns whether any Redirect row changed.
 */
export async function movePermalink(
  tx: Prisma.TransactionClient,
  { postId, from, to }: { postId: string; from: string | null; to: string },
): Promise<{ redirectsChanged: boolean }> {
  if (from === to) return { redirectsChanged: false };
  const taken = await tx.post.findFirst({ where: { permalink: to, id: { not: postId } }, select: { id: true } });
  if (taken) throw new InvalidRequestError(`Another post already has the address ${to}. Choose another slug.`);
  return { redirectsChanged: await moveAddress(tx, { from, to }) };
}
