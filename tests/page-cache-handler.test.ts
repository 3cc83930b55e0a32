import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import RenderStartPageCache from "../lib/page-cache-handler.mjs";

// The handler runs inside `next start`; here it is driven through Next's own page cache code with a
// throwaway dist folder, the way Next calls it: a lookup, a render, then the store.
const require = createRequire(import.meta.url);
const NextFileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { nodeFs } = require("next/dist/server/lib/node-fs-methods.js");

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
