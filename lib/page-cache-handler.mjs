// Next's page cache (the one behind `next start`) with two corrections: an entry is dated from when
// its render began, not when it was stored; and only pages the build prerendered are written to disk.
//
// Next 16.4 stamps a stored page with the time of storing. A render that read the database just
// before a write (updateTag) but finished after it was therefore taken as newer than the write,
// and its old content was served as fresh until the page's revalidate time: a comment just hidden
// by a moderator could come back for the next visitor. Dating the entry from the lookup that led
// to the render (a miss, or an entry past its revalidate time) makes such a page expired at once.
// Next renders one page key at a time, so the first such lookup since the last store is that
// render's start, or earlier, which only costs one extra render.
//
// Next 16.4 also writes every page it renders to disk (about 7 files), including each 404 and
// redirect for an address nobody will ask for again (`/label/<anything>`, `/page/o<any time>.x`),
// and never removes one: a visitor could fill the disk. Here a page the build did not prerender
// is kept in Next's memory cache only, which is bounded (cacheMaxMemorySize in next.config.mjs)
// and drops the least recently used page first; the disk then holds at most one entry
// per prerendered path, rewritten in place. Prerendered pages stay on disk because after a restart
// Next would otherwise fall back to the build's copy of them, which may be out of date. A page kept
// in memory only is rendered again after a restart or when it falls out of memory.
//
// With several server processes on one database, tag expiries reach every one of them through
// lib/tag-bus.mjs, once server.mjs calls `shareTagExpiry`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadNextPrivate, requestPathOf, ROOT_LAYOUT_TAG } from "./next-private.mjs";
import { createTagBus } from "./tag-bus.mjs";

const nextPrivate = await loadNextPrivate();

/**
 * Without Next's private parts next.config.mjs does not configure this handler, so Next never
 * constructs it; the fast path, off too, finds nothing cached here and leaves every page to Next.
 */
function unavailableParts(reason) {
  class Unavailable {
    constructor() {
      throw new Error(`Longhand's page cache handler cannot run: ${reason}`);
    }
  }
  return {
    FileSystemCache: /** @type {import("./next-private.mjs").NextPrivateParts["FileSystemCache"]} */ (/** @type {unknown} */ (Unavailable)),
    areTagsExpired: () => true,
    areTagsStale: () => true,
  };
}
const { FileSystemCache, areTagsExpired, areTagsStale } = nextPrivate.parts ?? unavailableParts(nextPrivate.unavailable);

const now = () => performance.timeOrigin + performance.now();

function leadsToRender(entry) {
  if (!entry?.value || entry.lastModified === -1) return true;
  const revalidateSeconds = entry.cacheControl?.revalidate;
  return typeof revalidateSeconds === "number" && now() > entry.lastModified + revalidateSeconds * 1000;
}

// Enough for every hot page; older paths fall back to Next's own routing, which is only slower.
const MAX_INDEXED_PATHS = 20_000;

/** cache entry value → its tags, read once: a cached page's every request checks them. */
const tagLists = new WeakMap();
function tagsOf(value) {
  let tags = tagLists.get(value);
  if (!tags) {
    const header = value.headers?.["x-next-cache-tags"];
    tags = typeof header === "string" && header !== "" ? header.split(",") : [];
    tagLists.set(value, tags);
  }
  return tags;
}

/**
 * How Next itself would treat a page cache entry, mirroring IncrementalCache.get: "fresh" (a HIT),
 * "stale" (past its revalidate time, or a tag revalidated with a lifetime: served while Next
 * refills it), or undefined (past its expire time or a tag expired since it was stored: Next
 * renders it again before answering).
 */
function freshness(entry, cacheControl) {
  if (!entry?.value || entry.lastModified === -1 || !cacheControl) return undefined;
  const { revalidate, expire } = cacheControl;
  const at = now();
  if (typeof expire === "number" && at >= entry.lastModified + expire * 1000) return undefined;
  const tagList = tagsOf(entry.value);
  if (areTagsExpired(tagList, entry.lastModified)) return undefined;
  const pastRevalidate = typeof revalidate === "number" && at >= entry.lastModified + revalidate * 1000;
  return pastRevalidate || areTagsStale(tagList, entry.lastModified) ? "stale" : "fresh";
}

/** dist folder → the request paths its build prerendered */
const prerenderedPathsByDir = new Map();
function prerenderedPaths(serverDistDir) {
  let paths = prerenderedPathsByDir.get(serverDistDir);
  if (!paths) {
    try {
      paths = new Set(Object.keys(JSON.parse(readFileSync(path.join(serverDistDir, "..", "prerender-manifest.json"), "utf8")).routes));
    } catch {
      // No manifest: not a build's folder, so nothing in it was prerendered.
      paths = new Set();
    }
    prerenderedPathsByDir.set(serverDistDir, paths);
  }
  return paths;
}

/** The entry Next's memory cache holds under the key it last used for a request path. */
function cachedEntry(requestPath) {
  const key = RenderStartPageCache.keysByPath.get(requestPath);
  return key === undefined ? undefined : FileSystemCache["memoryCache"]?.get(key);
}

// Next's own tag expiry, the one its revalidateTag and updateTag make (durations as theirs).
const expireTagsHere = (tags, durations) => void FileSystemCache.prototype.revalidateTag.call(undefined, tags, durations);

export default class RenderStartPageCache extends FileSystemCache {
  /** @type {import("./tag-bus.mjs").TagBus | undefined} this process's link to the others' tag expiries */
  static tagBus;

  /**
   * Shares tag expiries with every other server process on the database: those made here are sent
   * to them and theirs applied here, where this cache, the fast path and "use cache" entries all
   * read them. When notifications may have been missed, every page counts as expired.
   */
  static shareTagExpiry(databaseUrl) {
    if (!nextPrivate.parts) return;
    RenderStartPageCache.tagBus ??= createTagBus({ databaseUrl, expireTags: expireTagsHere, expireEverything: () => expireTagsHere([ROOT_LAYOUT_TAG]) });
  }

  /** page key → when the lookup that started its next render happened */
  static renderStartedAt = new Map();
  /** request path → the key Next last used for that path's page */
  static keysByPath = new Map();

  /**
   * The whole page Next has cached for a request path (a page with no per-request part), its
   * lifetime and whether it is stale, or undefined when Next must be asked: not cached yet,
   * expired, partly dynamic, not a page, or answered with another status than `answeredWith` (a
   * page rendered at its own address records none). A page prerendered at build carries no
   * lifetime of its own: `buildCacheControl` is the one the build's prerender manifest gives its path.
   */
  static servablePage(requestPath, buildCacheControl, answeredWith = 200) {
    const entry = cachedEntry(requestPath);
    const cacheControl = entry?.cacheControl ?? buildCacheControl;
    const state = freshness(entry, cacheControl);
    if (!state) return undefined;
    const { kind, postponed, status, html, body } = entry.value;
    // A route's entry is a feed (app/feeds/cached).
    const whole =
      (kind === "APP_PAGE" && postponed == null && (status ?? answeredWith) === answeredWith && typeof html === "string") ||
      (kind === "APP_ROUTE" && status === answeredWith && Buffer.isBuffer(body));
    return whole ? { entry, cacheControl, stale: state === "stale" } : undefined;
  }

  /** Whatever page Next has cached for a request path, fresh or not (for a 404 page's chrome). */
  static anyCachedPage(requestPath) {
    const value = cachedEntry(requestPath)?.value;
    return value?.kind === "APP_PAGE" && typeof value.html === "string" ? value : undefined;
  }

  static rememberPath(key) {
    const requestPath = requestPathOf(key);
    if (requestPath === undefined) return;
    const paths = RenderStartPageCache.keysByPath;
    paths.delete(requestPath);
    paths.set(requestPath, key);
    if (paths.size > MAX_INDEXED_PATHS) paths.delete(paths.keys().next().value);
  }

  async get(key, ctx) {
    const askedAt = now();
    if (ctx?.kind === "APP_PAGE" || ctx?.kind === "APP_ROUTE") RenderStartPageCache.rememberPath(key);
    const entry = await super.get(key, ctx);
    const starts = RenderStartPageCache.renderStartedAt;
    if (ctx?.kind !== "FETCH" && !starts.has(key) && leadsToRender(entry)) starts.set(key, askedAt);
    return entry;
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    // Not awaited: a stalled database must not hold up the answer to the write that expired them.
    void RenderStartPageCache.tagBus?.publish(typeof tags === "string" ? [tags] : tags, durations);
  }

  async set(key, data, ctx) {
    if (data?.kind === "APP_PAGE" || data?.kind === "APP_ROUTE") RenderStartPageCache.rememberPath(key);
    const starts = RenderStartPageCache.renderStartedAt;
    const startedAt = starts.get(key);
    starts.delete(key);
    const requestPath = requestPathOf(key);
    const onDisk = requestPath !== undefined && prerenderedPaths(this["serverDistDir"]).has(requestPath);
    // Next's own store, told not to flush to disk (it reads the flag on this, before any await).
    const cache = onDisk ? this : Object.create(this, { flushToDisk: { value: false } });
    // The parent puts the entry in memory before its first await, so it can be re-dated here
    // before any lookup sees it.
    const storing = FileSystemCache.prototype.set.call(cache, key, data, ctx);
    const stored = FileSystemCache["memoryCache"]?.get(key);
    if (stored && startedAt !== undefined) stored.lastModified = Math.min(stored.lastModified, startedAt);
    await storing;
  }
}
