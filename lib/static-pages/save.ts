import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { sanitizePostHtml } from "@/lib/html";
import { getPageForUser } from "@/lib/static-pages/access";
import { assertSlugFree, slugTakenError } from "@/lib/static-pages/slug";
import type { PageContent } from "@/lib/validation/static-pages";

interface SavePageOptions {
  user: DashboardUser;
  pageId: string;
  /** The page's version when the form was opened: a save from a stale form changes nothing. */
  expectedVersion: number;
  content: PageContent;
  now: Date;
}

const STALE_PAGE_MESSAGE =
  "This page was changed somewhere else after you opened it, so your changes were not saved. Copy what you want to keep, reload the page and apply it again.";

/**
 * Saves a page's title, address and body; its status stays as it is. A draft takes them at once;
 * a published page keeps what readers see and holds them as a pending version until Update
 * (content equal to the live page removes it).
 */
export async function savePage({ user, pageId, expectedVersion, content, now }: SavePageOptions) {
  try {
    return await db.$transaction(async (tx) => {
      const page = await getPageForUser(user, pageId, { select: { status: true, title: true, slug: true, bodyHtml: true, updatedAt: true }, tx });
      await assertSlugFree(tx, content.slug, pageId);
      const words = { ...content, bodyHtml: sanitizePostHtml(content.bodyHtml) };
      const held = page.status === "PUBLISHED";
      // The version check and the write are one statement, so two saves cannot both pass it.
      const { count } = await tx.page.updateMany({
        where: { id: pageId, version: expectedVersion },
        data: held ? { version: { increment: 1 }, updatedAt: page.updatedAt } : { ...words, version: { increment: 1 }, updatedAt: now },
      });
      if (count === 0) throw new ConflictError(STALE_PAGE_MESSAGE);
      const pending = held && (words.title !== page.title || words.slug !== page.slug || words.bodyHtml !== page.bodyHtml);
      if (pending) await tx.pendingPageEdit.upsert({ where: { pageId }, create: { pageId, ...words, updatedAt: now }, update: { ...words, updatedAt: now } });
      else await tx.pendingPageEdit.deleteMany({ where: { pageId } });
      return { version: expectedVersion + 1, pending };
    });
  } catch (error) {
    throw slugTakenError(error, content.slug);
  }
}
