import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { pageCacheControl, pageETag } from "../lib/page-headers.mjs";

// The fast path answers a page Next answered before, and the other way round: a browser's
// If-None-Match from one must match the ETag of the other, or it downloads the page again.
const require = createRequire(import.meta.url);
const { generateETag } = require("next/dist/server/lib/etag.js");
const { getCacheControlHeader } = require("next/dist/server/lib/cache-control.js");

const pages = [
  "",
  "<!DOCTYPE html><html lang=\"en\"><body><h1>Newest posts</h1></body></html>",
  "<p>Ünïcödé, 日本語 and an emoji 🦉 in a comment</p>".repeat(400),
  Array.from({ length: 5000 }, (_, index) => String.fromCharCode((index * 7919) % 65536)).join(""),
];

describe("a cached page's headers", () => {
  test("carry the same ETag Next gives the same page", () => {
    for (const html of pages) expect(pageETag(html)).toBe(generateETag(html));
  });

  test("carry the same Cache-Control Next gives the same lifetime", () => {
    const lifetimes = [
      { revalidate: 900, expire: 3600 },
      { revalidate: 900, expire: undefined },
      { revalidate: 3600, expire: 900 },
      { revalidate: false as const, expire: 3600 },
      { revalidate: false as const, expire: undefined },
      { revalidate: 0, expire: 60 },
    ];
    for (const lifetime of lifetimes) expect(pageCacheControl(lifetime)).toBe(getCacheControlHeader(lifetime));
  });
});
