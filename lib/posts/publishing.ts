import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors";
import { permalinkFor } from "@/lib/permalinks";
import { applyPendingEdit } from "@/lib/posts/pending";
import { movePermalink } from "@/lib/posts/permalink-move";
import { recordRevision } from "@/lib/posts/revisions";
import { postForWrite, reachesReaders, type WriteOutcome } from "@/lib/posts/write";
import { instantFromZonedLocal } from "@/lib/dates";

interface PostWrite {
  user: DashboardUser;
  postId: string;
  expectedVersion: number;
  now: Date;
}

/** Publishes the post now: its permalink is its slug under this month (blog time zone). */
export async function publishPost({ timeZone, ...write }: PostWrite & { timeZone: string }) {
  return goPublic({ ...write, status: "PUBLISHED", publishedAt: write.now, timeZone });
}

/** Schedules the post for `localDateTime` ("2026-11-28T09:30") on the blog's clock, which must be later than now. */
export async function schedulePost({ localDateTime, timeZone, ...write }: PostWrite & { localDateTime: string; timeZone: string }) {
  const publishedAt = instantFromZonedLocal(localDateTime, timeZone);
  if (!publishedAt) throw new InvalidRequestError("Choose a date and time to publish at.");
  if (publishedAt <= write.now) throw new InvalidRequestError("That time has already passed: choose a later one, or publish now.");
  return goPublic({ ...write, status: "SCHEDULED", publishedAt, timeZone });
}

/**
 * Moves a published post to another date that has passed (blog time zone), as when back-dating an
 * imported post: its address follows the new month, and the old address redirects to it.
 */
export async function redatePost({ localDateTime, timeZone, ...write }: PostWrite & { localDateTime: string; timeZone: string }) {
  const publishedAt = instantFromZonedLocal(localDateTime, timeZone);
  if (!publishedAt) throw new InvalidRequestError("Choose a date and time.");
  if (publishedAt > write.now) throw new InvalidRequestError("That time is still to come: to publish later, unpublish the post and schedule it.");
  return goPublic({ ...write, status: "PUBLISHED", publishedAt, timeZone, onlyIfPublished: true });
}

interface GoPublic extends PostWrite {
  status: "PUBLISHED" | "SCHEDULED";
  publishedAt: Date;
  timeZone: string;
  onlyIfPublished?: boolean;
}

async function goPublic({ user, postId, expectedVersion, now, status, publishedAt, timeZone, onlyIfPublished = false }: GoPublic): Promise<WriteOutcome & { permalink: string }> {
  return db.$transaction(async (tx) => {
    const current = await postForWrite(tx, user, postId, expectedVersion);
    // What the editor shows goes out: a pending version is applied first.
    const applied = await applyPendingEdit(tx, { post: current, timeZone, now });
    const post = applied ? { ...current, ...applied.words, slug: applied.slug, permalink: applied.permalink } : current;
    if (onlyIfPublished && post.status !== "PUBLISHED") throw new InvalidRequestError("Only a published post can change its date; schedule this one instead.");
    if (post.trashedAt) throw new InvalidRequestError("Restore the post from the trash before publishing it.");
    if (!post.title.trim()) throw new InvalidRequestError("Give the post a title before publishing it.");
    const permalink = permalinkFor(post.slug, publishedAt, timeZone);
    const { redirectsChanged } = await movePermalink(tx, { postId, from: post.permalink, to: permalink });
    const saved = await tx.post.update({
      where: { id: postId },
      data: { status, publishedAt, permalink, version: { increment: 1 }, updatedAt: now },
      select: { version: true },
    });
    await recordRevision(tx, { postId, authorId: user.id, kind: "PUBLISH", content: { title: post.title, bodyHtml: post.bodyHtml, excerpt: post.excerpt }, now });
    return { postId, version: saved.version, permalink, posts: true, labels: true, redirects: redirectsChanged || Boolean(applied?.redirectsChanged) };
  });
}

/**
 * Back to a draft, hidden from readers, with the words the editor shows (a pending version becomes
 * the draft). The permalink stays reserved, so publishing again later with the same month keeps
 * its address.
 */
export async function unpublishPost({ user, postId, expectedVersion, timeZone, now }: PostWrite & { timeZone: string }): Promise<WriteOutcome> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    await applyPendingEdit(tx, { post, timeZone, now });
    const saved = await tx.post.update({ where: { id: postId }, data: { status: "DRAFT", version: { increment: 1 }, updatedAt: now }, select: { version: true } });
    const wasPublic = reachesReaders(post);
    return { postId, version: saved.version, posts: wasPublic, labels: wasPublic, redirects: false };
  });
}
