import { z } from "zod";
import { etagFor } from "@/lib/conditional-get";

// A reader's own choice of light or dark, kept in a cookie and applied by a stylesheet of their own
// (app/appearance/scheme.css/route.ts), so the cached reader pages stay one document for everyone.

export const SCHEME_CHOICES = ["light", "dark", "auto"] as const;
export type SchemeChoice = (typeof SCHEME_CHOICES)[number];

export const SCHEME_COOKIE = "longhand-scheme";
/** A year: a reader who chose dark should not have to choose again next month. */
export const SCHEME_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const schemeChoiceSchema = z.enum(SCHEME_CHOICES);

/** The stored choice, whatever the cookie holds: anything but light or dark is "as the device says". */
export const schemeOf = (cookie: string | undefined): SchemeChoice => (cookie === "light" || cookie === "dark" ? cookie : "auto");

/**
 * The reader's stylesheet: the chosen scheme (three :root's to outrank the theme's "light dark",
 * wherever the browser puts each) and a mark on the toggle's button for it.
 */
export function schemeStylesheet(choice: SchemeChoice): { css: string; etag: string } {
  const scheme = choice === "auto" ? "" : `:root:root:root{color-scheme:${choice}}`;
  const css = `${scheme}.scheme-toggle button[value="${choice}"]{font-weight:700;text-decoration:underline}`;
  return { css, etag: etagFor(css) };
}

/**
 * Where the toggle sends the reader back to: the page they were on when its address came from this
 * site, by the address it was asked on or its public one (path and query only), else the home page. Never another site, whatever the Referer says.
 */
export function returnPath(referer: string | null, ownOrigins: readonly string[]): string {
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    // "//evil.example" as a path would be read as another host by the browser.
    return ownOrigins.includes(from.origin) && !from.pathname.startsWith("//") ? `${from.pathname}${from.search}` : "/";
  } catch {
    return "/";
  }
}
