// Next's page cache (the one behind `next start`) with one correction: an entry is dated from when
// its render began, not when it was stored.
//
// Next 16.4 stamps a stored page with the time of storing. A render that read the database just
// before a write (updateTag) but finished after it was therefore taken as newer than the write,
// and its old content was served as fresh until the page's revalidate time: a comment just hidden
// by a moderator could come back for the next visitor. Dating the entry from the lookup that led
// to the render (a miss, or an entry past its revalidate time) makes such a page expired at once.
// Next renders one page key at a time, so the first such lookup since the last store is that
// render's start, or earlier, which only costs one extra render.
import nextPageCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

// Node hands over the CommonJS module object; bundlers (Vitest) its default export.
const FileSystemCache = nextPageCache.default ?? nextPageCache;

const now = () => performance.timeOrigin + performance.now();

function leadsToRender(entry) {
  if (!entry?.value || entry.lastModified === -1) return true;
  const revalidateSeconds = entry.cacheControl?.revalidate;
  return typeof revalidateSeconds === "number" && now() > entry.lastModified + revalidateSeconds * 1000;
}

export default class RenderStartPageCache extends FileSystemCache {
  /** page key → when the lookup that started its next render happened */
  static renderStartedAt = new Map();

  async get(key, ctx) {
    const askedAt = now();
    const entry = await super.get(key, ctx);
    const starts = RenderStartPageCache.renderStartedAt;
    if (ctx?.kind !== "FETCH" && !starts.has(key) && leadsToRender(entry)) starts.set(key, askedAt);
    return entry;
  }

  async set(key, data, ctx) {
    const starts = RenderStartPageCache.renderStartedAt;
    const startedAt = starts.get(key);
    starts.delete(key);
    // The parent puts the entry in memory before its first await, so it can be re-dated here
    // before any lookup sees it.
    const storing = super.set(key, data, ctx);
    const stored = FileSystemCache.memoryCache?.get(key);
    if (stored && startedAt !== undefined) stored.lastModified = Math.min(stored.lastModified, startedAt);
    await storing;
  }
}
