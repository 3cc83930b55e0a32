import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { sanitizePostHtml } from "@/lib/html";
import { getPostForUser } from "@/lib/posts/access";
import { editedContent, holdsPendingEdits, savePendingEdit } from "@/lib/posts/pending";
import { recordRevision } from "@/lib/posts/revisions";
import { postForWrite } from "@/lib/posts/write";

const STALE_RESTORE_MESSAGE =
  "This post was changed after you opened this page, so nothing was restored. Reload the page to compare with the latest text, then restore again.";

const revisionSummary = {
  id: true,
  kind: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} as const;

/** A post's revisions, newest first, for a user who may work on the post (else NotFoundError). */
export async function listRevisions({ user, postId }: { user: DashboardUser; postId: string }) {
  const post = await getPostForUser(user, postId, { select: { id: true, title: true, status: true, version: true } });
  const revisions = await db.postRevision.findMany({
    where: { postId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: revisionSummary,
  });
  return { post, revisions };
}

/** One revision with its content, beside the post's current content to compare it with. */
export async function getRevision({ user, postId, revisionId }: { user: DashboardUser; postId: string; revisionId: string }) {
  const stored = await getPostForUser(user, postId, {
    select: { id: true, title: true, bodyHtml: true, excerpt: true, status: true, version: true, pendingEdit: { select: { title: true, bodyHtml: true, excerpt: true } } },
  });
  // Compared with what the editor shows: a live post's pending version when it has one.
  const { pendingEdit, ...live } = stored;
  const post = { ...live, ...pendingEdit };
  const revision = await db.postRevision.findFirst({
    where: { id: revisionId, postId },
    select: { ...revisionSummary, title: true, bodyHtml: true, excerpt: true },
  });
  if (!revision) throw new NotFoundError("That revision");
  return { post, revision };
}

interface RestoreRevisionOptions {
  user: DashboardUser;
  postId: string;
  revisionId: string;
  /** The post's version when the person looked at the revision. */
  expectedVersion: number;
  now: Date;
}

/**
 * Puts a revision's title, body and excerpt back, refusing (ConflictError) when the post changed
 * since the person looked, so a restore never silently discards newer work. A draft takes them at
 * once; a live post gets them as its pending version, for Update like any other edit. The restore
 * is kept as a revision of its own, so it can be undone by restoring the one before.
 */
export async function restoreRevision({ user, postId, revisionId, expectedVersion, now }: RestoreRevisionOptions) {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion).catch((error: unknown) => {
      throw error instanceof ConflictError ? new ConflictError(STALE_RESTORE_MESSAGE) : error;
    });
    const revision = await tx.postRevision.findFirst({
      where: { id: revisionId, postId },
      select: { title: true, bodyHtml: true, excerpt: true },
    });
    if (!revision) throw new NotFoundError("That revision");
    // The allowlist may have narrowed since the revision was kept.
    const content = { ...revision, bodyHtml: sanitizePostHtml(revision.bodyHtml) };
    if (holdsPendingEdits(post)) {
      const edited = await editedContent(tx, post);
      const saved = await savePendingEdit(tx, { user, post, content: { ...edited, ...content, excerpt: content.excerpt ?? "" }, now, kind: "RESTORE" });
      return { postId, version: saved.version, pending: saved.pending };
    }
    const saved = await tx.post.update({ where: { id: postId }, data: { ...content, version: { increment: 1 }, updatedAt: now }, select: { version: true } });
    await recordRevision(tx, { postId, authorId: user.id, kind: "RESTORE", content, now });
    return { postId, version: saved.version, pending: false };
  });
}
