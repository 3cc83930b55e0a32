import { describe, expect, test } from "vitest";
import { FRESH_READS_COOKIE, FRESH_READS_SECONDS, freshReadsToken, hasFreshReads } from "../lib/fresh-reads.mjs";

const secret = "a-session-secret-of-at-least-thirty-two-characters";
const now = Date.UTC(2026, 10, 28, 9, 41);
const session = "next-auth.session-token=the-writers-session";
const tokenFor = (options: { at?: number; key?: string; cookieHeader?: string; userId?: string } = {}) =>
  freshReadsToken({ secret: options.key ?? secret, userId: options.userId ?? "u-writer", cookieHeader: options.cookieHeader ?? session, now: options.at ?? now });
const requestCookies = (token: string, sessionCookies = session) => `${sessionCookies}; ${FRESH_READS_COOKIE}=${token}; other=1`;

describe("fresh reads after a write", () => {
  test("a token made now counts until it expires, and not after", () => {
    const token = tokenFor();
    expect(hasFreshReads(requestCookies(token), secret, now + 1_000)).toBe(true);
    expect(hasFreshReads(requestCookies(token), secret, now + FRESH_READS_SECONDS * 1000 + 1)).toBe(false);
  });

  test("a forged or foreign token, a far-future expiry and no cookie never count", () => {
    const [expiresAt, userId, signature] = tokenFor().split(".");
    expect(hasFreshReads(requestCookies(`${Number(expiresAt) + 1}.${userId}.${signature}`), secret, now)).toBe(false);
    expect(hasFreshReads(requestCookies(tokenFor({ key: "another-secret-also-thirty-two-characters" })), secret, now)).toBe(false);
    expect(hasFreshReads(requestCookies(tokenFor({ at: now + 365 * 24 * 3600 * 1000 })), secret, now)).toBe(false);
    expect(hasFreshReads("other=1", secret, now)).toBe(false);
    expect(hasFreshReads(undefined, secret, now)).toBe(false);
    expect(hasFreshReads(requestCookies(tokenFor()), undefined, now)).toBe(false);
  });

  test("a token copied without its session, beside another session, or relabelled for another user counts for nothing", () => {
    const token = tokenFor();
    expect(hasFreshReads(`${FRESH_READS_COOKIE}=${token}`, secret, now)).toBe(false);
    expect(hasFreshReads(requestCookies(token, "next-auth.session-token=someone-elses-session"), secret, now)).toBe(false);
    const [expiresAt, , signature] = token.split(".");
    expect(hasFreshReads(requestCookies(`${expiresAt}.u-other.${signature}`), secret, now)).toBe(false);
  });

  test("over HTTPS and with a session cookie split into chunks, the writer's own session still counts", () => {
    const chunked = "__Secure-next-auth.session-token.1=second-half; __Secure-next-auth.session-token.0=first-half";
    const token = tokenFor({ cookieHeader: chunked });
    expect(hasFreshReads(requestCookies(token, chunked), secret, now)).toBe(true);
    expect(hasFreshReads(requestCookies(token, "__Secure-next-auth.session-token.0=first-half"), secret, now)).toBe(false);
  });
});
