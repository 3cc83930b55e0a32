import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { sanitizePostHtml } from "@/lib/html";
import { assertSlugFree, slugTakenError } from "@/lib/static-pages/slug";
import type { PageContent } from "@/lib/validation/static-pages";

/** A new page, as a draft of its author's. */
export async function createPage({ user, content, now }: { user: DashboardUser; content: PageContent; now: Date }) {
  try {
    return await db.$transaction(async (tx) => {
      await assertSlugFree(tx, content.slug);
      return tx.page.create({
        data: { ...content, bodyHtml: sanitizePostHtml(content.bodyHtml), authorId: user.id, createdAt: now, updatedAt: now },
        select: { id: true, slug: true, version: true },
      });
    });
  } catch (error) {
    throw slugTakenError(error, content.slug);
  }
}
