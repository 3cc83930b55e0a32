import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { pagesVisibleTo } from "@/lib/static-pages/access";

/** The pages a user manages, most recently changed first. */
export async function listPagesForUser(user: DashboardUser) {
  return db.page.findMany({
    where: pagesVisibleTo(user),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, slug: true, status: true, updatedAt: true, author: { select: { name: true } } },
  });
}
