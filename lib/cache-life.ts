import "server-only";

/**
 * How long cached reader data (and so the pages and feeds built from it) lives: until a write
 * expires its tag, or five minutes, whatever comes first. `revalidate` equals `expire` on purpose:
 * once a page is past its revalidate time, Next 16.4 serves it stale and refreshes it in the
 * background *without* looking at its tags, so a page whose tag a write had just expired would
 * show the old content once more (a reader's new comment missing after the redirect). With the
 * two equal, an old page is always re-rendered before it is served. Five minutes is Next's floor
 * for data that may still be prerendered; a scheduled post coming due is announced by
 * `npm start`'s watcher at once, and the five minutes are only the fallback without it.
 * (`stale` is the browser's router cache: below 30 s Next leaves the data out of prerendered pages.)
 */
export const READER_CACHE_LIFE = { stale: 30, revalidate: 300, expire: 300 };
