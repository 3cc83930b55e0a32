import { describe, expect, test } from "vitest";
import { FRESH_READS_COOKIE, FRESH_READS_SECONDS, freshReadsToken, hasFreshReads } from "../lib/fresh-reads.mjs";

const secret = "a-session-secret-of-at-least-thirty-two-characters";
const now = Date.UTC(2026, 10, 28, 9, 41);
const cookieHeader = (token: string) => `next-auth.session-token=abc; ${FRESH_READS_COOKIE}=${token}; other=1`;

describe("fresh reads after a write", () => {
  test("a token made now counts until it expires, and not after", () => {
    const token = freshReadsToken(secret, now);
    expect(hasFreshReads(cookieHeader(token), secret, now + 1_000)).toBe(true);
    expect(hasFreshReads(cookieHeader(token), secret, now + FRESH_READS_SECONDS * 1000 + 1)).toBe(false);
  });

  test("a forged or foreign token, a far-future expiry and no cookie never count", () => {
    const [expiresAt, signature] = freshReadsToken(secret, now).split(".");
    expect(hasFreshReads(cookieHeader(`${Number(expiresAt) + 1}.${signature}`), secret, now)).toBe(false);
    expect(hasFreshReads(cookieHeader(freshReadsToken("another-secret-also-thirty-two-characters", now)), secret, now)).toBe(false);
    const farFuture = now + 365 * 24 * 3600 * 1000;
    expect(hasFreshReads(cookieHeader(freshReadsToken(secret, farFuture)), secret, now)).toBe(false);
    expect(hasFreshReads("other=1", secret, now)).toBe(false);
    expect(hasFreshReads(undefined, secret, now)).toBe(false);
    expect(hasFreshReads(cookieHeader(freshReadsToken(secret, now)), undefined, now)).toBe(false);
  });
});
