import "server-only";
import { ReaderError } from "@/lib/errors";
import { commentIdempotencyKey } from "@/lib/comments/idempotency";
import { findOpenPost, guestStatusUnderPolicy, statusUnderPolicy } from "@/lib/comments/policy";
import { COMMENT_RATE_LIMITS, MAX_DEPTH } from "@/lib/comments/rules";
import { commentsWritten } from "@/lib/cache-invalidation";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { commentTextToHtml } from "@/lib/html";
import { queueCommentNotices } from "@/lib/notifications/notices";
import { describeRetry, hitRateLimits } from "@/lib/rate-limit";
import type { CurrentUser } from "@/lib/session";

export interface CreatedComment {
  /** Null when the honeypot was filled in: the bot is told nothing, and nothing is stored. */
  id: string | null;
  status: "VISIBLE" | "PENDING";
  postId: string;
  permalink: string;
  /**
   * The cache tags to expire: none when nothing was stored (the honeypot, or a resubmission that
   * found the comment already made), so a repeated form cannot flush the cache.
   */
  expire: string[];
}

/** Someone commenting without an account (a blog open to ANYONE): what they typed, and where from. */
export interface Guest {
  name: string;
  url?: string;
  /** Kept for the blog's owner and exports, never shown. */
  email?: string;
  /** The client's address under the trusted-proxy rule: their rate limits and idempotency go by it. */
  address: string;
}

/** Who writes: an account, or a guest. */
export type CommentWriter = { user: CurrentUser; guest?: never } | { guest: Guest; user?: never };

export type CreateCommentOptions = CommentWriter & {
  postId: string;
  parentId?: string;
  body: string;
  /** The form's key; see commentIdempotencyKey for how it is scoped. */
  formKey: string;
  /** The honeypot field's value: anything in it means a bot filled in the form. */
  honeypot: string;
  /** "Notify me": the writer's email is told of the post's new comments once this one shows (a guest must give one). */
  notify?: boolean;
  now: Date;
};

export async function createComment({ postId, parentId, body, formKey, honeypot, notify, now, ...who }: CreateCommentOptions): Promise<CreatedComment> {
  const post = await findOpenPost(postId, now);
  if (honeypot) return { id: null, status: "VISIBLE", postId, permalink: post.permalink, expire: [] };

  // A guest is told the blog takes no guests before anything else, even a comment already made.
  const guestStatus = who.guest && (await guestStatusUnderPolicy());
  const writer = writerOf(who);
  const idempotencyKey = commentIdempotencyKey({ writer: writer.known, postId, parentId, formKey, body });
  const earlier = await findByKey(idempotencyKey);
  if (earlier) return { ...earlier, permalink: post.permalink, expire: [] };

  const bodyHtml = commentTextToHtml(body);
  const status = guestStatus ?? (await statusUnderPolicy({ user: who.user!, post, bodyHtml, now }));
  const attachTo = parentId ? await replyTarget(parentId, postId) : null;
  try {
    // The insert comes first: a concurrent copy of this submission waits on the unique key until
    // this transaction ends, then finds the comment, without spending the writer's rate limit.
    const id = await db.$transaction(async (tx) => {
      const comment = await tx.comment.create({
        data: { postId, parentId: attachTo, ...writer.columns, bodyHtml, status, idempotencyKey, createdAt: now, notifyWriter: Boolean(notify && writer.email) },
        select: { id: true },
      });
      const limit = await hitRateLimits(COMMENT_RATE_LIMITS, writer.limited, now, tx);
      if (!limit.allowed) throw new ReaderError("RATE_LIMITED", (t) => t.refusals.commentingTooFast(describeRetry(limit.retryAfterSeconds, t)));
      await queueCommentNotices(tx, comment.id, { isNew: true });
      return comment.id;
    });
    return { id, status, postId, permalink: post.permalink, expire: commentsWritten([postId]) };
  } catch (error) {
    const raced = isUniqueViolation(error) ? await findByKey(idempotencyKey) : null;
    if (!raced) throw error;
    return { ...raced, permalink: post.permalink, expire: [] };
  }
}

/** Who the comment's idempotency key knows and its rate limits count, where "Notify me" writes to, and its author columns. */
function writerOf({ user, guest }: CommentWriter) {
  if (user) return { known: user.id, limited: user.id, email: user.email, columns: { userId: user.id } };
  // A guest is known by address and name: a retry from there finds the comment, while two people
  // behind one address (a household, an office) who give different names never merge. Their
  // limits count by address alone, so a new name each time gains nothing.
  const { address, name, url, email } = guest;
  return { known: `guest:${address}:${name}`, limited: `address:${address}`, email, columns: { authorName: name, authorUrl: url ?? null, authorEmail: email ?? null } };
}

async function findByKey(idempotencyKey: string) {
  const comment = await db.comment.findUnique({ where: { idempotencyKey }, select: { id: true, status: true, postId: true } });
  if (!comment) return null;
  return { id: comment.id, status: comment.status === "VISIBLE" ? "VISIBLE" : "PENDING", postId: comment.postId } as const;
}

/**
 * The comment a reply hangs from: the one replied to, or, when that one is already at the
 * deepest level, its parent, so the reply sits beside it at that level.
 */
async function replyTarget(parentId: string, postId: string): Promise<string> {
  const parent = await db.comment.findFirst({
    where: { id: parentId, postId, status: "VISIBLE" },
    select: { id: true, parentId: true, parent: { select: { parentId: true } } },
  });
  if (!parent) throw new ReaderError("NOT_FOUND", (t) => t.refusals.parentGone);
  const depth = !parent.parentId ? 1 : !parent.parent?.parentId ? 2 : MAX_DEPTH;
  return depth < MAX_DEPTH ? parent.id : parent.parentId!;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
