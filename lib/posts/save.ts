import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import type { PostContent } from "@/lib/validation/posts";
import { writeContentToPost } from "@/lib/posts/content-write";
import { holdsPendingEdits, savePendingEdit } from "@/lib/posts/pending";
import { recordRevision } from "@/lib/posts/revisions";
import { postForWrite, type WriteOutcome } from "@/lib/posts/write";

interface SavePostOptions {
  user: DashboardUser;
  postId: string;
  expectedVersion: number;
  content: PostContent;
  timeZone: string;
  now: Date;
}

/**
 * Saves the editor's content over `expectedVersion` (a stale version changes nothing), keeping a
 * revision when the words changed. A draft's content goes onto the post itself; a post readers
 * see (or will, scheduled) keeps its live words and gets a pending version until Update.
 */
export async function savePost({ user, postId, expectedVersion, content, timeZone, now }: SavePostOptions): Promise<WriteOutcome & { bodyHtml: string; permalink: string | null; pending: boolean }> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    if (holdsPendingEdits(post)) {
      const saved = await savePendingEdit(tx, { user, post, content, now });
      return { postId, version: saved.version, bodyHtml: saved.bodyHtml, permalink: post.permalink, pending: saved.pending, posts: false, labels: false, redirects: false };
    }
    const written = await writeContentToPost(tx, { post, content, timeZone, now });
    const saved = await tx.post.update({ where: { id: postId }, data: { version: { increment: 1 } }, select: { version: true } });
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
