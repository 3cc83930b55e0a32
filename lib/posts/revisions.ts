import "server-only";
import type { Prisma, RevisionKind } from "@/lib/generated/prisma/client";

/** Saves by one author closer together than this share one revision. */
export const REVISION_COALESCE_MS = 60_000;

interface RecordRevisionOptions {
  postId: string;
  authorId: string;
  kind: RevisionKind;
  content: { title: string; bodyHtml: string; excerpt: string | null };
  now: Date;
}

/**
 * Keeps the post's content as a revision, inside the caller's transaction. Call it only when a save
 * changed title, body or excerpt, and on every publish and restore. An EDIT within a minute of
 * the same author's last EDIT updates that revision instead, so autosave does not flood the list.
 */
export async function recordRevision(tx: Prisma.TransactionClient, { postId, authorId, kind, content, now }: RecordRevisionOptions) {
  if (kind === "EDIT") {
    const latest = await tx.postRevision.findFirst({
      where: { postId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, kind: true, authorId: true, createdAt: true },
    });
    if (latest?.kind === "EDIT" && latest.authorId === authorId && now.getTime() - latest.createdAt.getTime() < REVISION_COALESCE_MS) {
      return tx.postRevision.update({ where: { id: latest.id }, data: { ...content, updatedAt: now } });
    }
  }
  return tx.postRevision.create({ data: { postId, authorId, kind, ...content, createdAt: now, updatedAt: now } });
}
