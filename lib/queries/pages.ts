import "server-only";
import { db } from "@/lib/db";
import { visiblePagesWhere } from "@/lib/queries/visibility";

export async function findPublishedPage({ slug }: { slug: string }) {
  return db.page.findFirst({
    where: { slug, ...visiblePagesWhere },
    select: { title: true, slug: true, bodyHtml: true, updatedAt: true, publishedAt: true },
  });
}

export async function listPublishedPages() {
  return db.page.findMany({ where: visiblePagesWhere, orderBy: { title: "asc" }, select: { title: true, slug: true } });
}
