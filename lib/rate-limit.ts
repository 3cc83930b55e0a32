import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_LOCALE, messagesFor, type Messages } from "@/lib/messages";

export interface RateLimitRule {
  /** Names the counter, e.g. "comment-minute"; the subject (user id, IP) is appended. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Hits are counted in one-second buckets and summed over the window, so "5 a minute" is a sliding
// minute rather than a calendar one (a fixed window would let 10 through across its edge).
const BUCKET_MS = 1000;
// Buckets older than the longest window any rule uses are swept on every hit.
const SWEEP_AFTER = "2 days";

/**
 * Records one hit against every rule for this subject, or none if any rule is already at its
 * limit. The counters live in PostgreSQL, so the limit holds across processes; an advisory lock
 * per subject makes concurrent hits count one after another.
 */
export async function hitRateLimits(rules: RateLimitRule[], subject: string, now = new Date(), transaction?: Prisma.TransactionClient): Promise<RateLimitResult> {
  const bucket = new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
  // Inside a caller's transaction the hits stand or fall with its write (a refused comment is rolled back with its hit).
  const run = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => (transaction ? work(transaction) : db.$transaction(work));
  return run(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rate-limit:${subject}`}, 0))`;
    let retryAfterSeconds = 0;
    for (const rule of rules) {
      const since = new Date(now.getTime() - rule.windowSeconds * 1000);
      const [row] = await tx.$queryRaw<{ hits: bigint | null; oldest: Date | null }[]>`
        SELECT sum("count") AS hits, min("windowStart") AS oldest FROM "RateLimitHit"
        WHERE "key" = ${`${rule.name}:${subject}`} AND "windowStart" > ${since}`;
      if (row && Number(row.hits ?? 0) >= rule.limit && row.oldest) {
        const freesAt = row.oldest.getTime() + rule.windowSeconds * 1000;
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((freesAt - now.getTime()) / 1000));
      }
    }
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
    for (const rule of rules) {
      await tx.$executeRaw`
        INSERT INTO "RateLimitHit" ("key", "windowStart", "count") VALUES (${`${rule.name}:${subject}`}, ${bucket}, 1)
        ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1`;
    }
    await tx.$executeRawUnsafe(`DELETE FROM "RateLimitHit" WHERE "windowStart" < now() - interval '${SWEEP_AFTER}'`);
    return { allowed: true };
  });
}

/**
 * "Try again in 40 seconds." / "in 3 minutes" / "in 2 hours", for the message a limit answers
 * with: in English, or in the reader's language for a reader page's form.
 */
export function describeRetry(seconds: number, { durations }: Pick<Messages, "durations"> = messagesFor(DEFAULT_LOCALE)): string {
  if (seconds < 90) return durations.seconds(seconds);
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return durations.minutes(minutes);
  return durations.hours(Math.ceil(minutes / 60));
}
