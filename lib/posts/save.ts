import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PostContent } from "@/lib/validation/posts";
import { writeContentToPost } from "@/lib/posts/content-write";
import { holdsPendingEdits, savePendingEdit } from "@/lib/posts/pending";
import { recordRevision } from "@/lib/posts/revisions";
import { lockedPostForWrite, refuseStaleVersion, type WritablePost, type WriteOutcome } from "@/lib/posts/write";

interface SavePostOptions {
  user: DashboardUser;
  postId: string;
  expectedVersion: number;
  saveId: string;
  content: PostContent;
  timeZone: string;
  now: Date;
}

type SaveOutcome = WriteOutcome & { bodyHtml: string; permalink: string | null; pending: boolean };

/**
 * Whether this save already landed and nothing was written since: every write moves the version by
 * one. Its answer may have been lost (the network stalled after COMMIT), so the editor sends it again.
 */
const alreadyApplied = (post: WritablePost, saveId: string, expectedVersion: number) => post.lastSaveId === saveId && post.version === expectedVersion + 1;

/** The answer the save got when it landed, read back without writing anything. */
async function appliedOutcome(tx: Prisma.TransactionClient, post: WritablePost): Promise<SaveOutcome> {
  const pendingEdit = await tx.pendingPostEdit.findUnique({ where: { postId: post.id }, select: { bodyHtml: true } });
  const { bodyHtml } = pendingEdit ?? post;
  return { postId: post.id, version: post.version, bodyHtml, permalink: post.permalink, pending: pendingEdit !== null, posts: false, labels: false, redirects: false };
}

/**
 * Saves the editor's content over `expectedVersion` (a stale version changes nothing), keeping a
 * revision when the words changed. A draft's content goes onto the post itself; a post readers
 * see (or will, scheduled) keeps its live words and gets a pending version until Update. A retry
 * of a save that landed is answered as saved, and changes nothing.
 */
export async function savePost({ user, postId, expectedVersion, saveId, content, timeZone, now }: SavePostOptions): Promise<SaveOutcome> {
  return db.$transaction(async (tx) => {
    const post = await lockedPostForWrite(tx, user, postId);
    if (alreadyApplied(post, saveId, expectedVersion)) return appliedOutcome(tx, post);
    refuseStaleVersion(post, expectedVersion);
    if (holdsPendingEdits(post)) {
      const saved = await savePendingEdit(tx, { user, post, content, now, saveId });
      return { postId, version: saved.version, bodyHtml: saved.bodyHtml, permalink: post.permalink, pending: saved.pending, posts: false, labels: false, redirects: false };
    }
    const written = await writeContentToPost(tx, { post, content, timeZone, now });
    const saved = await tx.post.update({ where: { id: postId }, data: { version: { increment: 1 }, lastSaveId: saveId }, select: { version: true } });
    if (written.wordsChanged) await recordRevision(tx, { postId, authorId: user.id, kind: "EDIT", content: written.words, now });
    return {
      postId,
      version: saved.version,
      bodyHtml: written.words.bodyHtml,
      permalink: written.permalink,
      pending: false,
      // A trashed post is not seen by readers; a draft's words reach them only by publishing.
      posts: false,
      labels: false,
      redirects: written.redirectsChanged,
    };
  });
}
