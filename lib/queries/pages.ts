import "server-only";
import { db } from "@/lib/db";

export async function findPublishedPage({ slug }: { slug: string }) {
  return db.page.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { title: true, slug: true, bodyHtml: true, updatedAt: true, publishedAt: true },
  });
}

export async function listPublishedPages() {
  return db.page.findMany({ where: { status: "PUBLISHED" }, orderBy: { title: "asc" }, select: { title: true, slug: true } });
}
