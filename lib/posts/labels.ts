import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { labelSlug } from "@/lib/permalinks";

/**
 * The labels named, found by name (any case) or by the slug the name would have, and created when
 * new: one query for those that exist, whatever the number of labels. Returns their ids and
 * whether any label was created.
 */
export async function resolveLabels(tx: Prisma.TransactionClient, names: string[]) {
  const wanted = [...new Set(names.map((entry) => entry.trim()).filter(Boolean))].map((name) => ({ name, slug: labelSlug(name) }));
  if (wanted.length === 0) return { ids: [], created: false };
  const known = await tx.label.findMany({
    where: { OR: [{ name: { in: wanted.map((label) => label.name), mode: "insensitive" } }, { slug: { in: wanted.map((label) => label.slug) } }] },
    select: { id: true, name: true, slug: true },
  });
  const ids: string[] = [];
  let created = false;
  for (const label of wanted) {
    let found = known.find((row) => row.slug === label.slug || row.name.toLowerCase() === label.name.toLowerCase());
    if (!found) {
      found = await tx.label.create({ data: label, select: { id: true, name: true, slug: true } });
      known.push(found);
      created = true;
    }
    ids.push(found.id);
  }
  return { ids: [...new Set(ids)], created };
}

/** Every label's name, for the editor's suggestions and the list's filter. */
export async function listLabelNames() {
  return db.label.findMany({ orderBy: { name: "asc" }, select: { name: true, slug: true } });
}
