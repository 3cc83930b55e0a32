// The HTML of a page Next has cached, for app code that builds on one (app/search-first/route.ts).
// server.mjs shares its reader of the page cache here; kept on globalThis, as lib/fast-path-status.mjs
// is, because Next bundles app code with its own copy of this module in the same process. Never
// shared (`next start`, `next dev`, the fast path off) means no cached page is at hand.
const CACHED_PAGE_HTML = Symbol.for("longhand.cachedPageHtml");

const processWide = /** @type {{ [CACHED_PAGE_HTML]?: (requestPath: string) => string | undefined }} */ (/** @type {unknown} */ (globalThis));

/** server.mjs: how to read a cached page's HTML (fresh or not) by its request path. */
export function shareCachedPageHtml(read) {
  processWide[CACHED_PAGE_HTML] = read;
}

/** The HTML Next has cached for a request path, fresh or not, or undefined. */
export function cachedPageHtml(requestPath) {
  return processWide[CACHED_PAGE_HTML]?.(requestPath);
}
