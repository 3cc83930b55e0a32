/**
 * Where to go after signing in: only a path on this site. Absolute URLs count only when they
 * point at the site's own origin; anything else (other hosts, `//evil.example`, `javascript:`)
 * falls back to the home page.
 */
export function safeCallbackPath(target: string | null | undefined, siteOrigin: string): string {
  if (!target) return "/";
  try {
    const url = new URL(target, siteOrigin);
    if (url.origin !== siteOrigin) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
