import "server-only";
import { db } from "@/lib/db";
import { visiblePostsWhere } from "@/lib/queries/visibility";

/**
 * The advisory lock every server's scheduler takes to publish (an arbitrary number of our own):
 * with several servers on one database, one publishes and the others skip that round.
 */
export const PUBLISH_DUE_LOCK = 7_305_911_042;

export type PublishDueOutcome = { ran: false } | { ran: true; published: number };

/**
 * Marks scheduled posts whose time has come as published. Readers already see them by then
 * (visiblePostsWhere counts a due scheduled post as published); this is the one moment the
 * caches learn of it, so each post is handled once, by whichever server holds the lock. A server
 * that finds the lock taken skips: the holder is doing the same work.
 */
export async function publishDuePosts(now: Date): Promise<PublishDueOutcome> {
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(${PUBLISH_DUE_LOCK}::bigint) AS locked`;
    if (!lock?.locked) return { ran: false };
    const { count } = await tx.post.updateMany({
      where: { AND: [visiblePostsWhere(now), { status: "SCHEDULED" }] },
      data: { status: "PUBLISHED" },
    });
    return { ran: true, published: count };
  });
}
