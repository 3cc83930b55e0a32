import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPageForUser } from "@/lib/static-pages/access";
import { assertSlugFree, slugTakenError } from "@/lib/static-pages/slug";

/** Moves the page's pending version, if any, onto the page inside the caller's transaction. */
export async function applyPendingPageEdit(tx: Prisma.TransactionClient, { pageId, now }: { pageId: string; now: Date }) {
  const pending = await tx.pendingPageEdit.findUnique({ where: { pageId } });
  if (!pending) return false;
  await assertSlugFree(tx, pending.slug, pageId);
  await tx.page.update({ where: { id: pageId }, data: { title: pending.title, slug: pending.slug, bodyHtml: pending.bodyHtml, updatedAt: now } });
  await tx.pendingPageEdit.delete({ where: { pageId } });
  return true;
}

/** Update: readers see the page's pending version from now on. */
export async function updateLivePage({ user, pageId, now }: { user: DashboardUser; pageId: string; now: Date }) {
  try {
    return await db.$transaction(async (tx) => {
      await getPageForUser(user, pageId, { select: { id: true }, tx });
      if (!(await applyPendingPageEdit(tx, { pageId, now }))) throw new InvalidRequestError("There are no changes to update: readers already see this version.");
      return tx.page.update({ where: { id: pageId }, data: { version: { increment: 1 } }, select: { slug: true, version: true } });
    });
  } catch (error) {
    const pending = await db.pendingPageEdit.findUnique({ where: { pageId }, select: { slug: true } });
    throw pending ? slugTakenError(error, pending.slug) : error;
  }
}

/** Discard changes: the pending version goes; the form shows the live page again. */
export async function discardPendingPageEdit({ user, pageId }: { user: DashboardUser; pageId: string }) {
  return db.$transaction(async (tx) => {
    const page = await getPageForUser(user, pageId, { select: { updatedAt: true }, tx });
    const { count } = await tx.pendingPageEdit.deleteMany({ where: { pageId } });
    if (count === 0) throw new InvalidRequestError("There are no changes to discard.");
    return tx.page.update({ where: { id: pageId }, data: { version: { increment: 1 }, updatedAt: page.updatedAt }, select: { version: true } });
  });
}
