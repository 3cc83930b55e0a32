import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors";
import { postForWrite, reachesReaders, type WriteOutcome } from "@/lib/posts/write";

interface PostWrite {
  user: DashboardUser;
  postId: string;
  expectedVersion: number;
  now: Date;
}

/** Hides the post from readers and the usual lists, keeping everything for a restore. */
export async function trashPost({ user, postId, expectedVersion, now }: PostWrite): Promise<WriteOutcome> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    const saved = await tx.post.update({ where: { id: postId }, data: { trashedAt: now, version: { increment: 1 }, updatedAt: now }, select: { version: true } });
    const wasPublic = reachesReaders(post);
    return { postId, version: saved.version, posts: wasPublic, labels: wasPublic, redirects: false };
  });
}

/** Takes the post out of the trash with the status it had. */
export async function restorePost({ user, postId, expectedVersion, now }: PostWrite): Promise<WriteOutcome> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    const saved = await tx.post.update({ where: { id: postId }, data: { trashedAt: null, version: { increment: 1 }, updatedAt: now }, select: { version: true } });
    const nowPublic = post.status !== "DRAFT";
    return { postId, version: saved.version, posts: nowPublic, labels: nowPublic, redirects: false };
  });
}

/**
 * Deletes a post in the trash for ever, with its comments, revisions and labels (the schema
 * cascades) and the redirects that led to it.
 */
export async function deletePostForever({ user, postId, expectedVersion }: Omit<PostWrite, "now">): Promise<WriteOutcome> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    if (!post.trashedAt) throw new InvalidRequestError("Only a post in the trash can be deleted for ever: move it to the trash first.");
    const redirects = post.permalink ? await tx.redirect.deleteMany({ where: { toPath: post.permalink } }) : { count: 0 };
    await tx.post.delete({ where: { id: postId } });
    return { postId, version: post.version, posts: false, labels: false, redirects: redirects.count > 0 };
  });
}
