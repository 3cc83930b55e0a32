/**
 * Where a redirect points. Next 16.4 repeats the Location header on redirects from cached pages
 * (vercel/next.js#82117, both values the same); Playwright joins repeats with ", ".
 */
export function redirectTargets(headers: Record<string, string>): string[] {
  return [...new Set((headers.location ?? "").split(", "))];
}
