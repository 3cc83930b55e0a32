import "server-only";
import { db } from "@/lib/db";

export const WRITERS_NAME_MESSAGE = "That name belongs to one of this blog's writers: choose another.";

/** How two names compare for look-alikes: "Maggie  Ellery" and "ｍａｇｇｉｅ ellery" are the same name. */
function comparableName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("en");
}

/**
 * Whether the name is an author's or admin's other than `exceptUserId`, so a reader cannot
 * comment as the writer ("Maggie Ellery said... please re-confirm your account at ...").
 */
export async function isAnotherWritersName(name: string, exceptUserId?: string): Promise<boolean> {
  const writers = await db.user.findMany({
    where: { role: { in: ["AUTHOR", "ADMIN"] }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { name: true },
  });
  const wanted = comparableName(name);
  return writers.some((writer) => comparableName(writer.name) === wanted);
}
