import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { getPageForUser } from "@/lib/static-pages/access";

/** A page for its form: the pending version's words when there is one, and whether they are live yet. */
export async function getPageForEditing({ user, pageId }: { user: DashboardUser; pageId: string }) {
  const page = await getPageForUser(user, pageId, {
    select: { id: true, title: true, slug: true, bodyHtml: true, status: true, version: true, updatedAt: true, pendingEdit: true },
  });
  const { pendingEdit, ...live } = page;
  if (!pendingEdit) return { ...live, liveSlug: live.slug, pendingSince: null };
  const { title, slug, bodyHtml, updatedAt } = pendingEdit;
  return { ...live, title, slug, bodyHtml, liveSlug: live.slug, pendingSince: updatedAt };
}
