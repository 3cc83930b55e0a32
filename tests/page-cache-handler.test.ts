import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, test, vi } from "vitest";
import RenderStartPageCache from "../lib/page-cache-handler.mjs";
import { createTagBus, TAG_BUS_APPLICATION_NAME, TAG_EXPIRY_CHANNEL, type TagBus } from "../lib/tag-bus.mjs";
import { runSql, withMigratedDatabase } from "./support/databases";

// The handler runs inside `next start`; here it is driven through Next's own page cache code with a
// throwaway dist folder, the way Next calls it: a lookup, a render, then the store.
const require = createRequire(import.meta.url);
const NextFileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { nodeFs } = require("next/dist/server/lib/node-fs-methods.js");
// The handler Next uses for "use cache" entries, reading the same tag state as the page cache.
const { createDefaultCacheHandler } = require("next/dist/server/lib/cache-handlers/default.js");

type PageCache = {
  get(key: string, ctx: object): Promise<{ value: { html: string } } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string[]): Promise<void>;
};

const newCache = (Handler: new (ctx: object) => PageCache) =>
  new Handler({
    fs: nodeFs,
    serverDistDir: mkdtempSync(path.join(tmpdir(), "longhand-page-cache-")),
    flushToDisk: false,
    maxMemoryCacheSize: 1_000_000,
    revalidatedTags: [],
  });

const lookup = { kind: "APP_PAGE", isRoutePPREnabled: true };
const page = (tag: string, html: string, status = 200) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(""),
  headers: { "x-next-cache-tags": tag },
  status,
  postponed: undefined,
  segmentData: undefined,
});
const store = { cacheControl: { revalidate: 15, expire: 3600 } };

let pages = 0;
const uniqueKey = () => `/page-${process.pid}-${++pages}`;

/** A render that looked the page up, then saw a write happen before it stored what it had read. */
async function renderOverlappingWrite(cache: PageCache, key: string, tag: string) {
  expect(await cache.get(key, lookup)).toBeNull();
  await sleep(5);
  await cache.revalidateTag([tag]);
  await sleep(5);
  await cache.set(key, page(tag, "<p>1 comment:</p>"), store);
}

describe("the page cache behind next start", () => {
  test("a page whose render overlapped a write is rendered again on the next visit", async () => {
    const cache = newCache(RenderStartPageCache);
    const key = uniqueKey();
    await renderOverlappingWrite(cache, key, `post:${key}`);
    expect(await cache.get(key, lookup)).toBeNull();
  });

  test("a page rendered wholly after the write is served from the cache", async () => {
    const cache = newCache(RenderStartPageCache);
    const key = uniqueKey();
    await cache.revalidateTag([`post:${key}`]);
    await sleep(5);
    expect(await cache.get(key, lookup)).toBeNull();
    await cache.set(key, page(`post:${key}`, "<p>No comments:</p>"), store);
    expect((await cache.get(key, lookup))?.value.html).toBe("<p>No comments:</p>");
  });

  test("Next's own cache still serves the overlapping render as fresh (when this fails, the handler can go)", async () => {
    const cache = newCache(NextFileSystemCache);
    const key = uniqueKey();
    await renderOverlappingWrite(cache, key, `post:${key}`);
    expect((await cache.get(key, lookup))?.value.html).toBe("<p>1 comment:</p>");
  });
});

/** A build's dist folder on disk that prerendered `prerenderedPaths`, and what is stored under it. */
function builtDistFolder(prerenderedPaths: string[]) {
  const distDir = mkdtempSync(path.join(tmpdir(), "longhand-page-cache-dist-"));
  const serverDistDir = path.join(distDir, "server");
  mkdirSync(serverDistDir);
  writeFileSync(path.join(distDir, "prerender-manifest.json"), JSON.stringify({ routes: Object.fromEntries(prerenderedPaths.map((requestPath) => [requestPath, {}])) }));
  const cache = new RenderStartPageCache({ fs: nodeFs, serverDistDir, flushToDisk: true, maxMemoryCacheSize: 1_000_000, revalidatedTags: [] });
  const storedFiles = () => readdirSync(serverDistDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return { cache, storedFiles };
}

// Next 16.4's key for a page: "/route-cache/APP_PAGE/<route hash>/$/<path>".
const pageKey = (requestPath: string) => `/route-cache/APP_PAGE/r${process.pid}/$${requestPath}`;

describe("what the page cache writes to disk", () => {
  test("not-found pages for made-up addresses add no files, and are still answered from memory", async () => {
    const { cache, storedFiles } = builtDistFolder(["/2024/01/a-real-post"]);
    for (let made = 0; made < 20; made++) {
      const key = pageKey(`/label/made-up-${process.pid}-${made}`);
      await cache.get(key, lookup);
      await cache.set(key, page("labels", "<h1>Not found</h1>", 404), store);
    }
    expect(storedFiles()).toEqual([]);
    expect((await cache.get(pageKey(`/label/made-up-${process.pid}-19`), lookup))?.value.html).toBe("<h1>Not found</h1>");
  });

  test("pages the build did not prerender stay in memory; prerendered ones are kept current on disk", async () => {
    const { cache, storedFiles } = builtDistFolder(["/2024/01/a-real-post"]);
    await cache.set(pageKey(`/page/o${process.pid}.any`), page("posts", "<p>Older posts</p>"), store);
    expect(storedFiles()).toEqual([]);
    await cache.set(pageKey("/2024/01/a-real-post"), page("posts", "<p>A real post</p>"), store);
    expect(storedFiles().map((file) => file.name)).toContain("a-real-post.html");
  });
});

describe("tag expiry shared between server processes on one database", () => {
  const database = withMigratedDatabase();
  const otherProcessBuses: TagBus[] = [];
  afterAll(async () => {
    await Promise.all([RenderStartPageCache.tagBus?.close(), ...otherProcessBuses.map((bus) => bus.close())]);
  });

  /** Another server process's bus (in this test process: its own connection and sender), recording what reaches it. */
  function otherProcess() {
    const received: string[][] = [];
    const bus = createTagBus({ databaseUrl: database.url, expireTags: (tags) => received.push(tags), expireEverything: () => {} });
    otherProcessBuses.push(bus);
    return { bus, received };
  }

  const listeningConnections = async () =>
    (
      await runSql(database.url, "SELECT count(*)::int AS listening FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query = $2", [
        TAG_BUS_APPLICATION_NAME,
        `LISTEN ${TAG_EXPIRY_CHANNEL}`,
      ])
    ).rows[0].listening;

  // What Next tags every page with, and checks every "use cache" entry read in a page against.
  const rootLayoutTag = "_N_T_/layout";

  /** A post page in this process's page cache and a "use cache" entry, both tagged `tag` and served. */
  async function cachedHere(tag: string) {
    const cache = newCache(RenderStartPageCache);
    const requestPath = `/2024/01/post-${tag.replaceAll(/\W/g, "-")}`;
    await cache.set(pageKey(requestPath), page(`${rootLayoutTag},${tag}`, "<p>No comments</p>"), store);
    const useCache = createDefaultCacheHandler(1_000_000);
    const useCacheEntry = { value: new Blob(["labels"]).stream(), tags: [tag], stale: 300, timestamp: Date.now(), expire: 3600, revalidate: 900 };
    await useCache.set(tag, Promise.resolve(useCacheEntry));
    await sleep(5);
    const served = {
      page: async () => (await cache.get(pageKey(requestPath), lookup))?.value.html,
      byFastPath: () => RenderStartPageCache.servablePage(requestPath, store.cacheControl)?.entry.value.html,
      // As Next's "use cache" wrapper reads it: the entry, unless a page tag expired since it was stored.
      useCacheEntry: async () => {
        const entry = await useCache.get(tag, [rootLayoutTag]);
        return entry !== undefined && entry.timestamp > (await useCache.getExpiration([rootLayoutTag]));
      },
    };
    expect([await served.page(), served.byFastPath(), await served.useCacheEntry()]).toEqual(["<p>No comments</p>", "<p>No comments</p>", true]);
    return served;
  }

  test("an expiry published by one process expires the page, the fast path's copy and 'use cache' entries in another, which does not send it on", async () => {
    RenderStartPageCache.shareTagExpiry(database.url);
    const sending = otherProcess();
    const { received } = otherProcess();
    await vi.waitFor(async () => expect(await listeningConnections()).toBe(3), { timeout: 5000 });
    const served = await cachedHere("post:41");

    await sending.bus.publish(["post:41"]);
    await vi.waitFor(async () => expect([await served.page(), served.byFastPath(), await served.useCacheEntry()]).toEqual([undefined, undefined, false]), { timeout: 1000 });

    // This process's own expiry goes out; the one it applied did not (the other heard it once, from its sender).
    await newCache(RenderStartPageCache).revalidateTag(["post:42"]);
    await vi.waitFor(() => expect(received).toContainEqual(["post:42"]), { timeout: 1000 });
    expect(received.filter((tags) => tags.includes("post:41"))).toEqual([["post:41"]]);
  });

  test("after its connection drops, a process counts everything it cached before reconnecting as expired", async () => {
    RenderStartPageCache.shareTagExpiry(database.url);
    await vi.waitFor(async () => expect(await listeningConnections()).toBeGreaterThan(0), { timeout: 5000 });
    const served = await cachedHere("post:43");
    const loggedErrors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await runSql(database.url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [TAG_BUS_APPLICATION_NAME]);
      await vi.waitFor(async () => expect([await served.page(), served.byFastPath(), await served.useCacheEntry()]).toEqual([undefined, undefined, false]), { timeout: 5000 });
      expect(loggedErrors).toHaveBeenCalledWith(expect.stringMatching(/^Longhand: tag expiry listener has no database connection/));
    } finally {
      loggedErrors.mockRestore();
    }
  });
});
