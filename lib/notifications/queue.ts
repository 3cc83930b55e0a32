import "server-only";
import { db } from "@/lib/db";
import { mailConfigured, sendMail } from "@/lib/mail";
import { unsubscribeEndpoint } from "@/lib/notifications/unsubscribe";

/** How many notices one round claims: a round stays short, and the next one comes in seconds. */
const BATCH = 20;
/** Tries before a notice is given up, its last error kept for the admin. */
export const MAX_ATTEMPTS = 6;
/** After the first failure a notice waits this long, doubling each time up to the cap. */
export const FIRST_RETRY_MS = 60_000;
export const LONGEST_RETRY_MS = 60 * 60_000;
/**
 * How long a claim keeps other workers off a notice. Far longer than any send (nodemailer gives
 * up on a silent server within minutes), so only a worker that died mid-send lets one go again.
 */
export const CLAIM_LEASE_MS = 15 * 60_000;

export interface SendRound {
  sent: number;
  failed: number;
}

interface Claimed {
  id: string;
  to: string;
  subject: string;
  text: string;
  subscriptionId: string | null;
  attempts: number;
}

/**
 * Sends the notices that are due. Each is sent once: the claim (one statement, committed before
 * any mail goes out) takes due rows with FOR UPDATE SKIP LOCKED and pushes them a lease into the
 * future, so another worker, racing or in another instance, neither waits for them nor takes them.
 * The one case that could send twice is a worker dying between the SMTP server's acceptance and
 * marking the row sent: its lease then runs out and the notice goes again. We chose that over the
 * other way (marking it sent before sending), which would lose the notice on any crash or failure.
 */
export async function sendDueNotices(now: Date): Promise<SendRound> {
  if (!mailConfigured()) return { sent: 0, failed: 0 };
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "MailNotice" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_LEASE_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "MailNotice"
      WHERE "sentAt" IS NULL AND "gaveUpAt" IS NULL AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "subscriptionId", "attempts"`;
  let sent = 0;
  for (const notice of claimed) {
    try {
      await sendMail({ to: notice.to, subject: notice.subject, text: notice.text, headers: notice.subscriptionId ? oneClickUnsubscribe(notice.subscriptionId) : undefined });
    } catch (error) {
      await db.mailNotice.update({ where: { id: notice.id }, data: afterFailure(notice.attempts, error, now) });
      continue;
    }
    // Not in the try: a database that fails here is not the mail server failing. The round stops,
    // and the notice goes again when its lease runs out (the one double send, above).
    await db.mailNotice.update({ where: { id: notice.id }, data: { sentAt: now, lastError: null } });
    sent += 1;
  }
  return { sent, failed: claimed.length - sent };
}

/** RFC 8058: a mail client's own "Unsubscribe" button posts to the endpoint, no page needed. */
function oneClickUnsubscribe(subscriptionId: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeEndpoint(subscriptionId)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
}

function afterFailure(attempts: number, error: unknown, now: Date) {
  const lastError = String(error instanceof Error ? error.message : error).slice(0, 1000);
  if (attempts >= MAX_ATTEMPTS) return { lastError, gaveUpAt: now };
  return { lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
