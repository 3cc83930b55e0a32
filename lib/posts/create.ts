import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";

/** An empty draft owned by the user, for the editor to fill in (its title field starts empty). */
export async function createDraft({ user, now }: { user: DashboardUser; now: Date }) {
  return db.post.create({
    data: { title: "", slug: "untitled", bodyHtml: "", status: "DRAFT", authorId: user.id, createdAt: now, updatedAt: now },
    select: { id: true },
  });
}
