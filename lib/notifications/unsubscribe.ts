import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { absoluteUrl } from "@/lib/site";

// A subscription's unsubscribe token is its id signed with the server's secret: nothing is stored
// for it, it never expires (an old message's link still works) and only this server can make one.
function signature(subscriptionId: string): string {
  const secret = config().NEXTAUTH_SECRET;
  if (!secret) throw new Error("Unsubscribe links are signed with NEXTAUTH_SECRET: set it.");
  return createHmac("sha256", secret).update(`unsubscribe:${subscriptionId}`).digest("base64url");
}

export function unsubscribeToken(subscriptionId: string): string {
  return `${subscriptionId}.${signature(subscriptionId)}`;
}

/**
 * The subscription a token names, or null when its signature is not ours. The signature is
 * compared as written, not decoded: base64url's last character carries spare bits, and a decoded
 * comparison would take another spelling of the same signature.
 */
export function subscriptionOfToken(token: string): string | null {
  const [subscriptionId, signed, ...rest] = token.split(".");
  if (!subscriptionId || !signed || rest.length > 0) return null;
  const given = Buffer.from(signed);
  const expected = Buffer.from(signature(subscriptionId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? subscriptionId : null;
}

/** The page a reader opens from a message: it asks before unsubscribing, as mail scanners open links too. */
export const unsubscribePage = (subscriptionId: string) => absoluteUrl(`/unsubscribe?token=${unsubscribeToken(subscriptionId)}`);

/** Where a mail client's one-click unsubscribe (RFC 8058) and the page's button post. */
export const unsubscribeEndpoint = (subscriptionId: string) => absoluteUrl(`/api/unsubscribe?token=${unsubscribeToken(subscriptionId)}`);

/** What the unsubscribe page shows of a token's subscription, or null when the token is not ours or its post is gone. */
export async function subscriptionOfLink(token: string) {
  const subscriptionId = subscriptionOfToken(token);
  if (!subscriptionId) return null;
  return db.commentSubscription.findUnique({
    where: { id: subscriptionId },
    select: { email: true, unsubscribedAt: true, post: { select: { title: true, permalink: true } } },
  });
}

export type UnsubscribeOutcome = "unsubscribed" | "already" | "invalid";

/** Ends the subscription a token names; a second time only says it had ended. */
export async function unsubscribe(token: string, now: Date): Promise<UnsubscribeOutcome> {
  const subscriptionId = subscriptionOfToken(token);
  if (!subscriptionId) return "invalid";
  const { count } = await db.commentSubscription.updateMany({ where: { id: subscriptionId, unsubscribedAt: null }, data: { unsubscribedAt: now } });
  if (count === 1) return "unsubscribed";
  // A deleted post takes its subscriptions with it: nothing is sent for it either way.
  return "already";
}
