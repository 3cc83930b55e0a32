import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { getPageForUser } from "@/lib/static-pages/access";
import { applyPendingPageEdit } from "@/lib/static-pages/pending";

// Publishing changes who sees the page, not what it says, so it leaves the version (which guards
// the content against stale saves) alone and an open form can still save.

/** Shows the page to readers at /p/<slug>; the first publication date is kept. */
export async function publishPage({ user, pageId, now }: { user: DashboardUser; pageId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const page = await getPageForUser(user, pageId, { select: { publishedAt: true }, tx });
    return tx.page.update({
      where: { id: pageId },
      data: { status: "PUBLISHED", publishedAt: page.publishedAt ?? now, updatedAt: now },
      select: { slug: true },
    });
  });
}

/**
 * Takes the page back to a draft: /p/<slug> answers 404 and the header link goes. A pending
 * version becomes the draft's text, as the form shows it.
 */
export async function unpublishPage({ user, pageId, now }: { user: DashboardUser; pageId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    await getPageForUser(user, pageId, { select: { id: true }, tx });
    await applyPendingPageEdit(tx, { pageId, now });
    return tx.page.update({ where: { id: pageId }, data: { status: "DRAFT", updatedAt: now }, select: { slug: true } });
  });
}
