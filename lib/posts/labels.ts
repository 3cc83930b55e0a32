import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/permalinks";

/**
 * The labels named, found by name or by the slug the name would have, and created when new.
 * Returns their ids and whether any label was created.
 */
export async function resolveLabels(tx: Prisma.TransactionClient, names: string[]) {
  const ids: string[] = [];
  let created = false;
  for (const name of new Set(names.map((entry) => entry.trim()).filter(Boolean))) {
    // A name with no ASCII letters still needs a slug of its own.
    const slug = slugify(name) || `label-${Buffer.from(name).toString("hex").slice(0, 40)}`;
    const existing = await tx.label.findFirst({ where: { OR: [{ name: { equals: name, mode: "insensitive" } }, { slug }] }, select: { id: true } });
    if (existing) {
      ids.push(existing.id);
    } else {
      ids.push((await tx.label.create({ data: { name, slug }, select: { id: true } })).id);
      created = true;
    }
  }
  return { ids: [...new Set(ids)], created };
}

/** Every label's name, for the editor's suggestions and the list's filter. */
export async function listLabelNames() {
  return db.label.findMany({ orderBy: { name: "asc" }, select: { name: true, slug: true } });
}
