import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { freeSlugFor, type TakenSlugs } from "@/lib/users/slug-choice";

function takenInDatabase(exceptUserId?: string): TakenSlugs {
  return async (base) => {
    const rows = await db.user.findMany({
      where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }], ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
      select: { slug: true },
    });
    return rows.map((row) => row.slug!);
  };
}

const ATTEMPTS = 3;

/**
 * Runs a write that stores the slug made from `name` (a new account, or a rename of
 * `exceptUserId`). Two accounts of the same name saved at once pick the same free slug and the
 * unique index refuses the second: it picks again. Any other refusal (a taken email) is the
 * caller's to answer.
 */
export async function writeWithFreeSlug<T>(name: string, write: (slug: string) => Promise<T>, exceptUserId?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const slug = await freeSlugFor(name, takenInDatabase(exceptUserId));
    try {
      return await write(slug);
    } catch (error) {
      const unique = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!unique || attempt === ATTEMPTS || !(await slugHeldByAnother(slug, exceptUserId))) throw error;
    }
  }
}

async function slugHeldByAnother(slug: string, exceptUserId?: string): Promise<boolean> {
  const holder = await db.user.findUnique({ where: { slug }, select: { id: true } });
  return holder !== null && holder.id !== exceptUserId;
}
