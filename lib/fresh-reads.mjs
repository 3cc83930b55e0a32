// Read-your-writes for reader pages. Next 16.4's response cache can hand a request the result of a
// render that began before a write (a background refill of a stale page, which every request
// for that page joins until it ends), so a reader could post a comment and land on a page
// without it. After a write the writer gets a short signed cookie; while it lasts, server.mjs
// has Next render their pages fresh (draft mode's cache bypass) instead of serving the cache.
// Everyone else keeps getting cached pages, which catch up as soon as that refill is stored.
import { createHmac, timingSafeEqual } from "node:crypto";

export const FRESH_READS_COOKIE = "longhand-fresh-reads";
export const FRESH_READS_SECONDS = 10;

const TOKEN_IN_COOKIES = new RegExp(`(?:^|;\\s*)${FRESH_READS_COOKIE}=(\\d+)\\.([\\w-]+)`);

const signature = (expiresAt, secret) => createHmac("sha256", secret).update(`fresh-reads:${expiresAt}`).digest("base64url");

/** The cookie's value: when it stops counting, signed with the server's secret. */
export function freshReadsToken(secret, now = Date.now()) {
  const expiresAt = now + FRESH_READS_SECONDS * 1000;
  return `${expiresAt}.${signature(expiresAt, secret)}`;
}

/** Whether a request's Cookie header holds a valid, unexpired token. */
export function hasFreshReads(cookieHeader, secret, now = Date.now()) {
  if (!cookieHeader?.includes(FRESH_READS_COOKIE) || !secret) return false;
  const match = cookieHeader.match(TOKEN_IN_COOKIES);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (!(expiresAt > now) || expiresAt > now + FRESH_READS_SECONDS * 1000) return false;
  const expected = Buffer.from(signature(expiresAt, secret));
  const given = Buffer.from(match[2]);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
