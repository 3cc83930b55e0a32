import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { getPageForUser } from "@/lib/static-pages/access";

/** Deletes a page for good (the form asks for confirmation first). */
export async function deletePage({ user, pageId }: { user: DashboardUser; pageId: string }) {
  return db.$transaction(async (tx) => {
    const page = await getPageForUser(user, pageId, { select: { status: true }, tx });
    await tx.page.delete({ where: { id: pageId } });
    return { readersMaySeeIt: page.status === "PUBLISHED" };
  });
}
