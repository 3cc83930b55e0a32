// Answers a reader's GET for a page Next has cached whole, straight from Next's page cache,
// before Next's router runs (server.mjs). Anything else is left to Next, with the reason.
//
// Why: on this kind of machine Next 16.4 spends about 1.5 ms of CPU routing each request even to a
// cached page, which caps a 2-core server near 500 pages a second. The bytes, headers and
// freshness rules here are Next's own (the entry, its ETag and Cache-Control functions, the tag
// manifest), so a reader cannot tell which path answered, and a write that expires a page's tag
// sends its next request to Next again.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fresh from "fresh";
import { cachedFeedPath } from "./feed-addresses.mjs";
import RenderStartPageCache from "./page-cache-handler.mjs";
import { pageCacheControl, pageETag } from "./page-headers.mjs";
import { escapeAsNextLeaves } from "./next-path-segment.mjs";
import { canonicalSearchQuery, FIRST_SEARCH_ANSWER_PATH, MAX_SEARCH_LENGTH, SEARCH_FRAME_QUERY, searchResultsPath } from "./search-address.mjs";

// Lower-case words, digits, dashes and dots between single slashes, no trailing slash: the form
// of every reader page's path ("+" joins the words of a search's, lib/search-address.mjs).
// Anything else (percent-encoding, "..", upper case, a trailing slash Next would redirect) is left
// to Next's router to normalize.
const PLAIN_PATH = /^\/(?:[a-z0-9][a-z0-9.+-]*(?:\/[a-z0-9][a-z0-9.+-]*)*)?$/;

// Requests that ask Next for something other than the page's HTML.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

// Next's response headers for a page served from its cache, and the cookie that turns the cache off.
const VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
const DRAFT_MODE_COOKIE = "__prerender_bypass";

/** server.mjs's own header on every response: which way it was served (README, "How a request flows"). */
export const CACHE_OUTCOME_HEADER = "X-Longhand-Cache";

// A stale page is sent from here too, as Next would send it, except that one request per page
// in this long goes on to Next, which answers it and refills the page in the background.
const REFILL_NUDGE_MS = 2000;

// Next compresses only bodies of at least this many bytes (its `compression` threshold).
const COMPRESSION_THRESHOLD = 1024;

// The search form's query maps to one results address for good, so a reader's cache may keep the way.
const SEARCH_REDIRECT_CACHE_CONTROL = "public, max-age=3600";
// Queries asked lately (canonical form), so that a query asked again goes to its cached results
// page while one asked once is rendered by the form's page, which costs less than filling a cache
// entry nobody may ask for again. Old entries go first.
const MAX_REMEMBERED_QUERIES = 10_000;
// Text PostgreSQL cannot keep as it is (NUL, a lone surrogate half): the page reports or fixes it.
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Paths the proxy (proxy.ts) handles, read from the build so the two never disagree. A matcher
 * that needs a query (Blogger's "?m=1" on any path) never matches the query-less requests
 * answered here, so it is left out rather than taken for its path alone.
 */
function proxyMatchers(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "functions-config-manifest.json"), "utf8"));
  return (manifest.functions?.["/_middleware"]?.matchers ?? [])
    .filter((matcher) => !matcher.has?.some((condition) => condition.type === "query"))
    .map((matcher) => new RegExp(matcher.regexp));
}

/** request path → the lifetime the build gave each page it prerendered (their entries carry none) */
export function buildCacheControls(distDir) {
  const { routes } = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8"));
  const lifetimes = new Map();
  for (const [requestPath, route] of Object.entries(routes)) {
    if (route.initialRevalidateSeconds !== undefined) {
      lifetimes.set(requestPath, { revalidate: route.initialRevalidateSeconds, expire: route.initialExpireSeconds });
    }
  }
  return lifetimes;
}

/**
 * Bytes, ETag and validators of one cache entry, its gzip once a reader asks for it, and its
 * headers for each outcome once answered with it: made once per entry. A page's ETag is Next's; a
 * feed (a route's entry) carries its own, and a date, made when it was rendered.
 */
const encodedEntries = new WeakMap();
function encode(value) {
  let encoded = encodedEntries.get(value);
  if (!encoded) {
    const body = value.kind === "APP_ROUTE" ? value.body : Buffer.from(value.html);
    const etag = value.kind === "APP_ROUTE" ? String(value.headers.etag) : pageETag(value.html);
    const lastModified = value.kind === "APP_ROUTE" ? value.headers["last-modified"] : undefined;
    encoded = {
      body,
      etag,
      validators: lastModified === undefined ? { etag } : { etag, "last-modified": String(lastModified) },
      /** @type {Partial<Record<"HIT" | "STALE", (string | number)[]>>} */
      headers: {},
      gzipped() {
        if (body.length < COMPRESSION_THRESHOLD) return undefined;
        this.gzip ??= gzipSync(body);
        return this.gzip;
      },
    };
    encodedEntries.set(value, encoded);
  }
  return encoded;
}

/**
 * Header lists merged as setHeader would have set them one by one (a later one replaces an earlier
 * one of the same name, in its place), flattened for writeHead: given a flat list and nothing set
 * before, Node writes it out as it is, which costs far less per request than a setHeader a header.
 * @param {Record<string, string | number>[]} records
 * @returns {(string | number)[]}
 */
function flatHeaders(...records) {
  const byName = new Map();
  for (const record of records) for (const [name, value] of Object.entries(record)) byName.set(name.toLowerCase(), [name, value]);
  return [...byName.values()].flat();
}

/** The headers Next stored with the entry (not its tags), and which way it was served. */
function entryHeaders(value, outcome) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, headerValue] of Object.entries(value.headers ?? {})) {
    if (name !== "x-next-cache-tags" && headerValue !== undefined) headers[name] = String(headerValue);
  }
  return { ...headers, "x-nextjs-cache": outcome, [CACHE_OUTCOME_HEADER]: outcome };
}

/**
 * The results page of the search form's `/search?q=...` (lib/search-address.mjs), when the query
 * string is that alone and the query one the results page takes as it is; undefined leaves it to
 * the form's page.
 */
function searchResultsTarget(query) {
  const params = new URLSearchParams(query);
  const typed = params.get("q");
  if (params.size !== 1 || typed === null || UNSTORABLE_TEXT.test(typed) || typed.trim().length > MAX_SEARCH_LENGTH) return undefined;
  const q = canonicalSearchQuery(typed);
  return q === "" ? undefined : searchResultsPath(q);
}

/**
 * The path Next 16.4 keys a dynamic route's cache entry by: each segment as Next hands it over
 * (lib/next-path-segment.mjs), so "/feeds/cached/atom/25/posts/Library%20life" is cached as
 * ".../Library life".
 */
function cacheKeyPathOf(urlPath) {
  // Nothing to decode (cachedFeedPath leaves no other character the replacement would escape).
  if (!urlPath.includes("%")) return urlPath;
  return urlPath
    .split("/")
    .map((segment) => escapeAsNextLeaves(decodeURIComponent(segment)))
    .join("/");
}

function acceptsGzip(request) {
  const accepted = request.headers["accept-encoding"];
  return typeof accepted === "string" && /\bgzip\b/i.test(accepted) && !/\bgzip\s*;\s*q=0(?:\.0*)?\b/i.test(accepted);
}

// A feed's address without a query, most of a feed reader's requests (only ever read).
const NO_QUERY = new URLSearchParams();

// The cached page first answers to queries are made from (app/search-first/route.ts).
const SEARCH_FRAME_PATH = searchResultsPath(SEARCH_FRAME_QUERY);

/**
 * @param {{
 *   distDir: string;
 *   securityHeadersFor: (url: string) => readonly (readonly [string, string])[];
 *   refillPage?: (requestPath: string) => void;
 * }} options securityHeadersFor: the headers every response to an address carries
 *   (lib/security-headers.mjs); refillPage: requests a page of this server's, as a reader would,
 *   so that a stale one is rendered anew.
 */
export function createCachedPageResponder({ distDir, securityHeadersFor, refillPage }) {
  const proxied = proxyMatchers(distDir);
  const prerendered = buildCacheControls(distDir);
  /** request path → when a request for its stale page was last left to Next */
  const refillNudgedAt = new Map();
  /** the frame's path → when this server last asked itself for it */
  const frameRefillAskedAt = new Map();

  /** Whether the last nudge for `requestPath` (in `nudgedAt`) is REFILL_NUDGE_MS old, marking this one if so. */
  function nudgeDue(nudgedAt, requestPath) {
    const at = Date.now();
    if (at - (nudgedAt.get(requestPath) ?? 0) < REFILL_NUDGE_MS) return false;
    nudgedAt.set(requestPath, at);
    return true;
  }

  /** results page path → asked before (see MAX_REMEMBERED_QUERIES) */
  const askedQueries = new Set();

  /**
   * Whether the frame of first answers is cached, so a query's first answer can be made from it.
   * A stale or missing frame is asked for again, as a reader's request for it would be, since the
   * frame's own address is one no reader visits. (Kept apart from readers' nudges, which that
   * request itself goes through.)
   */
  function searchFrameReady() {
    const frame = RenderStartPageCache.servablePage(SEARCH_FRAME_PATH, prerendered.get(SEARCH_FRAME_PATH));
    if ((!frame || frame.stale) && refillPage && nudgeDue(frameRefillAskedAt, SEARCH_FRAME_PATH)) refillPage(SEARCH_FRAME_PATH);
    return frame !== undefined;
  }

  /**
   * The search form's `/search?q=...`: a 307 to the query's results page once it is cached or the
   * query is asked again; the first time, Next answers it from the frame (app/search-first/route.ts),
   * or without a frame cached, renders the form's page for it.
   */
  function respondToSearch(request, response, query, ownHeaders) {
    const target = searchResultsTarget(query);
    if (!target) return "BYPASS";
    if (!askedQueries.has(target) && !RenderStartPageCache.servablePage(target, prerendered.get(target))) {
      askedQueries.add(target);
      if (askedQueries.size > MAX_REMEMBERED_QUERIES) askedQueries.delete(askedQueries.values().next().value);
      if (searchFrameReady()) request.url = `${FIRST_SEARCH_ANSWER_PATH}?${query}`;
      return "MISS";
    }
    const redirect = { Location: target, "Cache-Control": SEARCH_REDIRECT_CACHE_CONTROL, "Content-Length": 0, [CACHE_OUTCOME_HEADER]: "HIT" };
    response.writeHead(307, flatHeaders(Object.fromEntries(securityHeadersFor("/search")), redirect).concat(ownHeaders));
    response.end();
    return "HIT";
  }

  /** The cache entry to answer with, or why not: "MISS" to have Next render (or refill) it. */
  function servable(requestPath) {
    const page = RenderStartPageCache.servablePage(requestPath, prerendered.get(requestPath));
    if (!page) return "MISS";
    if (!page.stale) refillNudgedAt.delete(requestPath);
    else if (nudgeDue(refillNudgedAt, requestPath)) return "MISS";
    return page;
  }

  /**
   * A feed at a reader's address: its whole cached document (headers and validators as rendered,
   * a 304 when the reader's copy is current), or on to Next at the cached feed's address, which
   * renders and caches it.
   */
  function respondWithFeed(request, response, pathname, feedPath, ownHeaders) {
    const page = request.headers.cookie?.includes(DRAFT_MODE_COOKIE) ? "BYPASS" : servable(cacheKeyPathOf(feedPath));
    if (typeof page === "string") {
      request.url = feedPath;
      return page;
    }
    return answerFromEntry(request, response, pathname, page, ownHeaders, (etag) => ({ Vary: "Accept-Encoding", ETag: etag }));
  }

  /**
   * Answers with a cache entry as Next would, with every header in one writeHead: the address's
   * security headers, the entry's own, those its kind adds (`kindHeaders`; all of these made once
   * per entry and outcome), then the request's own.
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   * @param {string} url
   * @param {NonNullable<ReturnType<typeof RenderStartPageCache.servablePage>>} page
   * @param {(string | number)[]} ownHeaders
   * @param {(etag: string) => Record<string, string>} kindHeaders
   */
  function answerFromEntry(request, response, url, page, ownHeaders, kindHeaders) {
    /** @type {"HIT" | "STALE"} */
    const outcome = page.stale ? "STALE" : "HIT";
    const { value } = page.entry;
    const encoded = encode(value);
    encoded.headers[outcome] ??= flatHeaders(Object.fromEntries(securityHeadersFor(url)), entryHeaders(value, outcome), kindHeaders(encoded.etag));
    send(request, response, encoded, value.status ?? 200, encoded.headers[outcome].concat(ownHeaders));
    return outcome;
  }

  /**
   * How the request is served: "HIT" or "STALE" when answered here, "MISS" when left to Next for
   * a reader page this could answer once Next has it cached whole and unexpired, "BYPASS" when
   * left to Next because it is not such a request at all. ownHeaders: this request's own headers
   * (name, value, name, value...) for an answer from here.
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   * @param {(string | number)[]} ownHeaders
   * @returns {"HIT" | "STALE" | "MISS" | "BYPASS"}
   */
  return function respondFromPageCache(request, response, ownHeaders) {
    if (request.method !== "GET" && request.method !== "HEAD") return "BYPASS";
    const url = request.url ?? "";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const query = queryAt === -1 ? "" : url.slice(queryAt + 1);
    const feedPath = pathname.startsWith("/feeds/") ? cachedFeedPath(pathname, query ? new URLSearchParams(query) : NO_QUERY) : undefined;
    if (feedPath) return respondWithFeed(request, response, pathname, feedPath, ownHeaders);
    if (pathname === "/search" && query) return respondToSearch(request, response, query, ownHeaders);
    if (!url || !PLAIN_PATH.test(url) || url.startsWith("/api/")) return "BYPASS";
    if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return "BYPASS";
    if (request.headers.cookie?.includes(DRAFT_MODE_COOKIE)) return "BYPASS";
    if (proxied.some((matcher) => matcher.test(url))) return "BYPASS";
    const page = servable(url);
    if (typeof page === "string") return page;
    // The entry is only ever reached at this path, so its security headers are the path's.
    return answerFromEntry(request, response, url, page, ownHeaders, (etag) => ({
      Vary: VARY,
      "x-nextjs-prerender": "1",
      "Cache-Control": pageCacheControl(page.cacheControl),
      ETag: etag,
      "Content-Type": "text/html; charset=utf-8",
    }));
  };
}

/**
 * A 304 when the reader's copy is current (by ETag, or by date where the entry has one), else the
 * body, gzipped if asked, with all of its headers in one writeHead.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {{ body: Buffer; validators: Record<string, string>; gzipped(): Buffer | undefined }} encoded
 * @param {number} status
 * @param {(string | number)[]} headers a fresh list, which this extends
 */
function send(request, response, encoded, status, headers) {
  if (fresh(request.headers, encoded.validators)) {
    response.writeHead(304, headers).end();
    return;
  }
  const gzip = acceptsGzip(request) ? encoded.gzipped() : undefined;
  const payload = gzip ?? encoded.body;
  if (gzip) headers.push("Content-Encoding", "gzip");
  headers.push("Content-Length", payload.length);
  response.writeHead(status, headers).end(request.method === "HEAD" ? undefined : payload);
}
