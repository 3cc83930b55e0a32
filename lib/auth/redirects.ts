import "server-only";

// Relative callbacks are resolved against a host nobody can own, so any result naming another host
// or scheme is plainly foreign; an absolute URL counts only when it names the site's own origin.
const STAND_IN_ORIGIN = "https://callback.invalid";

/**
 * Where to go after signing in: only a path on this site, as the WHATWG URL parser normalises it
 * (tabs and newlines dropped, `\` read as `/`, `.` segments removed). The path must also stay on
 * the site when the browser follows it as a relative URL: `/.//evil.example` normalises to
 * `//evil.example`, which a browser reads as another host. Anything else is the home page.
 */
export function safeCallbackPath(target: string | null | undefined, siteOrigin: string): string {
  if (!target) return "/";
  const path = pathOnSite(target, [STAND_IN_ORIGIN, new URL(siteOrigin).origin]);
  if (!path || path !== pathOnSite(path, [STAND_IN_ORIGIN])) return "/";
  return path;
}

function pathOnSite(target: string, acceptedOrigins: string[]): string | null {
  try {
    const url = new URL(target, STAND_IN_ORIGIN);
    if (!acceptedOrigins.includes(url.origin)) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
