import "server-only";

// The shapes of addresses an imported Blogger or WordPress blog had, and where each leads here.
// Pure rules: the database part is lib/queries/legacy-addresses.ts. Old paths are stored (Redirect
// rows) root-relative, without a trailing slash, with the query only where it names the entry.

/** Where an old address leads, or what must be looked up to know. */
export type LegacyAddress =
  /** Known without the database: a feed, or the same address without Blogger's `?m=1`. */
  | { kind: "fixed"; target: string }
  /** A Redirect row for any of these paths, else the one visible post with this slug (if given). */
  | { kind: "redirect"; paths: string[]; slug?: string }
  /** Blogger's `?showComment=<ms>`: the comment made at that millisecond on the post at this path. */
  | { kind: "comment"; postPath: string; createdAt: Date }
  /** WordPress's `<post>/feed`: that post's comments feed. */
  | { kind: "comments-feed"; postPath: string };

// A WordPress blog in a subdirectory ("example.org/blog") put it before every address; an import
// keeps it in the old paths it stores ("/blog/2011/09/08/slug", "/blog?p=12"), so it is optional here.
const BASE = String.raw`(?:/[^/]+)?`;
const POST_PATH = /^\/\d{4}\/\d{2}\/[^/]+$/;
const POST_FEED_PATH = /^(\/\d{4}\/\d{2}\/[^/]+)\/feed$/;
const FEED_PATH = new RegExp(String.raw`^${BASE}(/(?:comments/)?feed(?:/[a-z0-9]+)?)$`);
// Day and name anywhere; month and name only under a subdirectory (at the root it is our own shape).
const WORDPRESS_DATE_PATH = new RegExp(String.raw`^(?:${BASE}/\d{4}/\d{2}/\d{2}|/[^/]+/\d{4}/\d{2})/([^/]+)$`);
const TERM_PATH = new RegExp(String.raw`^${BASE}/(?:category|tag)/`);
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const DIGITS = /^\d{1,18}$/;

// WordPress's query forms of an entry's address, stored as "/?p=12" (or "/blog?p=12").
const ENTRY_QUERIES = ["p", "page_id"];

const FEEDS: Record<string, string> = {
  "/feed": "/feeds/posts/default",
  "/feed/atom": "/feeds/posts/default",
  "/feed/rss": "/feeds/posts/default?alt=rss",
  "/feed/rss2": "/feeds/posts/default?alt=rss",
  "/feed/rdf": "/feeds/posts/default?alt=rss",
  "/comments/feed": "/feeds/comments/default",
  "/comments/feed/atom": "/feeds/comments/default",
  "/comments/feed/rss2": "/feeds/comments/default?alt=rss",
};

// WordPress's "/?feed=rss2" and friends.
const FEED_QUERIES: Record<string, string> = { rss: "/feed/rss", rss2: "/feed/rss2", atom: "/feed/atom", rdf: "/feed/rdf", comments_rss2: "/comments/feed/rss2" };

/**
 * What an address the proxy sees is, if it is an old blog's shape no route serves (the proxy's
 * matcher lets only these through); null to let it pass.
 */
export function legacyAddressOf(pathname: string, query: URLSearchParams): LegacyAddress | null {
  const mobile = query.get("m");
  if (mobile === "0" || mobile === "1") {
    const rest = new URLSearchParams(query);
    rest.delete("m");
    const search = rest.toString();
    return { kind: "fixed", target: `${pathname}${search ? `?${search}` : ""}` };
  }
  const entryQuery = ENTRY_QUERIES.find((key) => DIGITS.test(query.get(key) ?? ""));
  if (entryQuery) return { kind: "redirect", paths: [`${pathname}?${entryQuery}=${query.get(entryQuery)}`] };
  const base = pathname === "/" ? "" : pathname;
  const tag = query.get("tag");
  if (tag && !tag.includes("/")) return { kind: "redirect", paths: redirectLookupPaths(`${base}/tag/${tag}`) };
  const feedQuery = FEED_QUERIES[query.get("feed") ?? ""];
  if (feedQuery) return { kind: "fixed", target: FEEDS[feedQuery]! };

  const showComment = query.get("showComment");
  if (showComment && DIGITS.test(showComment) && POST_PATH.test(pathname)) {
    return { kind: "comment", postPath: pathname, createdAt: new Date(Number(showComment)) };
  }
  if (pathname === "/search") return olderPostsArchive(query.get("updated-max"));
  const postFeed = POST_FEED_PATH.exec(pathname);
  if (postFeed) return { kind: "comments-feed", postPath: postFeed[1]! };
  const feed = FEEDS[pathname] ?? FEEDS[FEED_PATH.exec(pathname)?.[1] ?? ""];
  if (feed) return { kind: "fixed", target: feed };
  const dated = WORDPRESS_DATE_PATH.exec(pathname);
  if (dated) return { kind: "redirect", paths: redirectLookupPaths(pathname), slug: SLUG.test(dated[1]!) ? dated[1] : undefined };
  if (TERM_PATH.test(pathname)) return { kind: "redirect", paths: redirectLookupPaths(pathname) };
  return null;
}

/** Blogger's "Older posts" (`/search?updated-max=2011-09-08T10:00:00+01:00`): that month's archive. */
function olderPostsArchive(updatedMax: string | null): LegacyAddress | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])-/.exec(updatedMax ?? "");
  return month ? { kind: "fixed", target: `/${month[1]}/${month[2]}` } : null;
}

/**
 * The forms an old path may be stored in: as written and with its percent-encoding undone (or
 * done), so "/2011/09/%C3%A9t%C3%A9" finds a row stored as "/2011/09/été" and back.
 */
export function redirectLookupPaths(path: string): string[] {
  const decoded = safelyDecoded(path);
  return [...new Set([path, decoded, encodeURI(decoded)])];
}

/** Blogger's static pages and posts end in ".html" where ours do not: "/p/about.html" → "/p/about". */
export function withoutHtmlSuffix(path: string): string | null {
  const match = /^(.*\/)([^/]+)\.html$/.exec(path);
  return match && SLUG.test(match[2]!) ? `${match[1]}${match[2]}` : null;
}

/** Blogger's `/search/label/<Name>`: the name as written, whether Next passed it encoded or not. */
export function labelNameOf(param: string): string {
  return safelyDecoded(param).trim();
}

/**
 * A redirect's target, if it is a path on this site: starts with one "/" (never "//host" or
 * "/\host", which browsers take for another site) and holds no control characters.
 */
export function siteLocalTarget(toPath: string): string | null {
  return /^\/(?![/\\])/.test(toPath) && !/[\u0000-\u001f\u007f]/.test(toPath) ? toPath : null;
}

function safelyDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
