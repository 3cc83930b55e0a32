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

/** Saves a page's title, address and body; its status stays as it is. */
export async function savePage({ user, pageId, expectedVersion, content, now }: SavePageOptions) {
  try {
    return await db.$transaction(async (tx) => {
      const page = await getPageForUser(user, pageId, { select: { status: true }, tx });
      await assertSlugFree(tx, content.slug, pageId);
      // The version check and the write are one statement, so two saves cannot both pass it.
      const { count } = await tx.page.updateMany({
        where: { id: pageId, version: expectedVersion },
        data: { ...content, bodyHtml: sanitizePostHtml(content.bodyHtml), version: { increment: 1 }, updatedAt: now },
      });
      if (count === 0) {
        throw new ConflictError(
          "This page was changed somewhere else after you opened it, so your changes were not saved. Copy what you want to keep, reload the page and apply it again.",
        );
      }
      return { version: expectedVersion + 1, readersMaySeeIt: page.status === "PUBLISHED" };
    });
  } catch (error) {
    throw slugTakenError(error, content.slug);
  }
}
