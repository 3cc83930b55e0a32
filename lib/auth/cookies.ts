import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { siteOrigin } from "@/lib/site";

// next-auth's own cookie names (next-auth/core/lib/cookie.js): it prefixes them when the site's
// address (NEXTAUTH_URL) is https, and so must we to read or clear them.
function secureCookies(): boolean {
  return siteOrigin().startsWith("https:");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function callbackUrlCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.callback-url`;
}

export function csrfCookieName(): string {
  return `${secureCookies() ? "__Host-" : ""}next-auth.csrf-token`;
}

export const csrfCookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() });

function csrfHash(token: string): string {
  return createHash("sha256").update(`${token}${config().NEXTAUTH_SECRET ?? ""}`).digest("hex");
}

/**
 * The token a form must post to next-auth, read from next-auth's CSRF cookie (`token|hash`), or
 * null when the cookie is missing or was not made with this server's secret.
 */
export function csrfTokenFromCookie(cookieValue: string | undefined): string | null {
  const [token, hash] = cookieValue?.split("|") ?? [];
  return token && hash === csrfHash(token) ? token : null;
}

/** A CSRF cookie exactly as next-auth would make it, for a page that shows a form before next-auth has set one. */
export function newCsrfCookieValue(): string {
  const token = randomBytes(32).toString("hex");
  return `${token}|${csrfHash(token)}`;
}
