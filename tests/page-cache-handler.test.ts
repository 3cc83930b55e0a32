import { mkdtempSync } from "node:fs";
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
const page = (tag: string, html: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(""),
  headers: { "x-next-cache-tags": tag },
  status: 200,
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
