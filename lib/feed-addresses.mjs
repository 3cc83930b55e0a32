// Feeds are cached whole, one entry per document: the route app/feeds/cached/[alt]/[take]/[...feed]
// answers each feed with no query string, so Next can cache it like a page. The addresses readers
// use (Blogger's, with ?alt= and ?max-results=) map onto it here, for server.mjs's fast path, which
// serves or fills that entry, and for the public routes, which read the query the same way.

export const DEFAULT_FEED_ENTRIES = 25;
export const MAX_FEED_ENTRIES = 100;
export const CACHED_FEEDS_PATH = "/feeds/cached";

/**
 * A feed's query string as Blogger's feeds take it: `alt=rss` for RSS 2.0 (Atom otherwise) and
 * `max-results=N`, kept between 1 and 100 (missing or not a whole number: 25, as Blogger does).
 * @param {URLSearchParams} searchParams
 * @returns {{ alt: "atom" | "rss"; take: number } | { error: string }}
 */
export function feedOptions(searchParams) {
  const alt = searchParams.getAll("alt").at(-1) ?? "atom";
  if (alt !== "atom" && alt !== "rss") return { error: "alt must be atom or rss" };
  const digits = searchParams.getAll("max-results").at(-1) ?? "";
  const take = /^\d{1,9}$/.test(digits) ? Math.min(MAX_FEED_ENTRIES, Math.max(1, Number(digits))) : DEFAULT_FEED_ENTRIES;
  return { alt, take };
}

// Blogger's feed addresses: the blog's posts, a label's, the blog's comments, one post's comments.
/** @type {[RegExp, "posts" | "comments"][]} */
const FEED_PATHS = [
  [/^\/feeds\/posts\/default$/, "posts"],
  [/^\/feeds\/posts\/default\/-\/([^/]+)$/, "posts"],
  [/^\/feeds\/comments\/default$/, "comments"],
  [/^\/feeds\/([^/]+)\/comments\/default$/, "comments"],
];

/**
 * The cached feed behind a reader's feed address ("/feeds/posts/default/-/Library%20life?alt=rss"
 * → "/feeds/cached/rss/25/posts/Library%20life"), or undefined for any other address, or a query
 * the public route answers with a 400. The label or post id keeps one encoding, so one entry
 * serves every spelling of it.
 * @param {string} pathname
 * @param {URLSearchParams} searchParams
 */
export function cachedFeedPath(pathname, searchParams) {
  for (const [pattern, kind] of FEED_PATHS) {
    const match = pattern.exec(pathname);
    if (!match || match[1] === "cached") continue;
    const options = feedOptions(searchParams);
    if ("error" in options) return undefined;
    let subject = "";
    if (match[1] !== undefined) {
      try {
        subject = `/${encodeURIComponent(decodeURIComponent(match[1]))}`;
      } catch {
        return undefined;
      }
      // "." and ".." would be taken as steps in the path once rewritten.
      if (subject === "/." || subject === "/..") return undefined;
    }
    return `${CACHED_FEEDS_PATH}/${options.alt}/${options.take}/${kind}${subject}`;
  }
  return undefined;
}
