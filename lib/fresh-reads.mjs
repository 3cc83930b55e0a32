// Read-your-writes for reader pages. Next 16.4's response cache can hand a request the result of a
// render that began before a write (a background refill of a stale page, which every request
// for that page joins until it ends), so a reader could post a comment and land on a page
// without it. After a write the writer gets a short signed cookie; while it lasts, server.mjs
// has Next render their pages fresh (draft mode's cache bypass) instead of serving the cache.
// Everyone else keeps getting cached pages, which catch up as soon as that refill is stored.
//
// The token names the writer and is bound to their session: it signs a hash of next-auth's
// session cookie, so a copy of it in a browser without that same session cookie counts for nothing.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const FRESH_READS_COOKIE = "longhand-fresh-reads";
export const FRESH_READS_SECONDS = 10;

const TOKEN_IN_COOKIES = new RegExp(`(?:^|;\\s*)${FRESH_READS_COOKIE}=(\\d+)\\.([\\w-]+)\\.([\\w-]+)`);
// next-auth's session cookie (with the __Secure- prefix over HTTPS), split into .0, .1, ... when large.
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.(\d+))?$/;

/** The session cookie's value as next-auth reads it (its chunks joined in order), or "" without one. */
export function sessionCookieValue(cookieHeader) {
  // Most requests, readers', carry none: the access log asks on every one.
  if (!cookieHeader?.includes("next-auth.session-token")) return "";
  const chunks = [];
  for (const pair of cookieHeader.split(";")) {
    const equals = pair.indexOf("=");
    const match = pair.slice(0, equals).trim().match(SESSION_COOKIE);
    if (equals > 0 && match) chunks.push({ index: Number(match[1] ?? 0), value: pair.slice(equals + 1).trim() });
  }
  return chunks
    .sort((a, b) => a.index - b.index)
    .map((chunk) => chunk.value)
    .join("");
}

const signature = (expiresAt, userId, session, secret) =>
  createHmac("sha256", secret)
    .update(`fresh-reads:${expiresAt}:${userId}:${createHash("sha256").update(session).digest("base64url")}`)
    .digest("base64url");

/** The cookie's value: when it stops counting and whose it is, signed with the server's secret. */
export function freshReadsToken({ secret, userId, cookieHeader, now = Date.now() }) {
  const expiresAt = now + FRESH_READS_SECONDS * 1000;
  return `${expiresAt}.${userId}.${signature(expiresAt, userId, sessionCookieValue(cookieHeader), secret)}`;
}

/** Whether a request's Cookie header holds a valid, unexpired token made for the session it carries. */
export function hasFreshReads(cookieHeader, secret, now = Date.now()) {
  if (!cookieHeader?.includes(FRESH_READS_COOKIE) || !secret) return false;
  const match = cookieHeader.match(TOKEN_IN_COOKIES);
  if (!match) return false;
  const [, expiry, userId, given] = match;
  const expiresAt = Number(expiry);
  if (!(expiresAt > now) || expiresAt > now + FRESH_READS_SECONDS * 1000) return false;
  const session = sessionCookieValue(cookieHeader);
  if (!session) return false;
  const expected = Buffer.from(signature(expiresAt, userId, session, secret));
  const givenBytes = Buffer.from(given);
  return givenBytes.length === expected.length && timingSafeEqual(givenBytes, expected);
}
