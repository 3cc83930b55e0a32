import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How many given-up notices the dashboard names; the count covers the rest. */
const NAMED = 5;

const GIVEN_UP = { gaveUpAt: { not: null }, sentAt: null } satisfies Prisma.MailNoticeWhereInput;

export interface GivenUpNotices {
  total: number;
  newest: { id: string; to: string; subject: string; gaveUpAt: Date; lastError: string | null }[];
}

/** The notices the queue stopped trying (lib/notifications/queue.ts), newest first: what an admin must look into. */
export async function listGivenUpNotices(): Promise<GivenUpNotices> {
  const [total, rows] = await Promise.all([
    db.mailNotice.count({ where: GIVEN_UP }),
    db.mailNotice.findMany({ where: GIVEN_UP, orderBy: { gaveUpAt: "desc" }, take: NAMED, select: { id: true, to: true, subject: true, gaveUpAt: true, lastError: true } }),
  ]);
  return { total, newest: rows.map((row) => ({ ...row, gaveUpAt: row.gaveUpAt! })) };
}

/**
 * After the mail settings are fixed: every given-up notice goes back in the queue, due now, with
 * its attempts counted afresh. Returns how many.
 */
export async function retryGivenUpNotices(now: Date): Promise<number> {
  const { count } = await db.mailNotice.updateMany({ where: GIVEN_UP, data: { gaveUpAt: null, attempts: 0, nextAttemptAt: now } });
  return count;
}

/** Notices no one will send (their readers moved on): dropped, so the dashboard stops naming them. */
export async function discardGivenUpNotices(): Promise<number> {
  const { count } = await db.mailNotice.deleteMany({ where: GIVEN_UP });
  return count;
}
