import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, get as httpGet, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCachedPageResponder } from "../lib/cached-page-responder.mjs";
import RenderStartPageCache from "../lib/page-cache-handler.mjs";
import { createSecurityHeaders } from "../lib/security-headers.mjs";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";

// The responder reads the same page cache Next fills: here the cache is filled the way Next fills
// it (a store under Next 16.4's key for the path), and a plain HTTP server stands in for server.mjs,
// answering "Next" (status 299) for whatever the responder leaves to Next, with the responder's reason.
const distDir = mkdtempSync(path.join(tmpdir(), "longhand-responder-"));
mkdirSync(path.join(distDir, "server"));
// The proxy's matchers for /sign-in and for Blogger's "?m=1" on any path, as `next build` writes them.
writeFileSync(
  path.join(distDir, "server", "functions-config-manifest.json"),
  JSON.stringify({
    version: 1,
    functions: {
      "/_middleware": {
        matchers: [
          { regexp: "^(?:\\/(_next\\/data\\/[^/]{1,}))?\\/sign-in(\\.json|\\.rsc)?[\\/#\\?]?$" },
          { regexp: "^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?(\\.json|\\.rsc)?[\\/#\\?]?$", has: [{ type: "query", key: "m", value: "[01]" }] },
        ],
      },
    },
  }),
);

// The build's lifetime for a page it prerendered (such an entry, read from disk, carries none).
writeFileSync(
  path.join(distDir, "prerender-manifest.json"),
  JSON.stringify({ routes: { "/2010/03/built-with-the-site": { initialRevalidateSeconds: 40, initialExpireSeconds: 3600 } } }),
);

const cache = new RenderStartPageCache({ fs: nodeFs, serverDistDir: distDir, flushToDisk: false, maxMemoryCacheSize: 10_000_000, revalidatedTags: [] });

let stored = 0;
/** Stores a rendered page for a request path as Next 16.4 does, and returns its tag. */
async function storePage(pagePath: string, html: string, { revalidate = 60, postponed, prerendered = false }: { revalidate?: number; postponed?: string; prerendered?: boolean } = {}) {
  const tag = `page-${++stored}`;
  const value = { kind: "APP_PAGE", html, rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": tag, "x-nextjs-stale-time": "30" }, status: 200, postponed, segmentData: undefined };
  await cache.set(`/route-cache/APP_PAGE/0123abcd/$${pagePath}`, value, { cacheControl: prerendered ? undefined : { revalidate, expire: 3600 } });
  return tag;
}

let server: Server;
let origin: string;
beforeAll(async () => {
  const respond = createCachedPageResponder({ distDir, securityHeadersFor: createSecurityHeaders({}) });
  server = createServer((request, response) => {
    const outcome = respond(request, response, ["X-Request-Id", "request-1"]);
    if (outcome === "MISS" || outcome === "BYPASS") response.writeHead(299, { "x-longhand-cache": outcome, "x-next-url": request.url }).end("Next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(origin + pathname, { headers: { "accept-encoding": "identity", ...headers } });
/** Through node:http, which (unlike fetch) sends exactly these headers and shows the bytes as sent. */
function rawGet(pathname: string, headers: Record<string, string>) {
  return new Promise<{ status?: number; encoding?: string; body: Buffer }>((resolve, reject) => {
    httpGet(origin + pathname, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}
const answeredByNext = async (response: Response) => response.status === 299 && (await response.text()) === "Next";

describe("reader pages answered straight from Next's page cache", () => {
  const article = "<!DOCTYPE html><html><body><h1>Fog on the towpath</h1>" + "<p>Moorhens.</p>".repeat(200) + "</body></html>";

  test("a fresh whole page is sent with Next's own headers, ETag and Cache-Control", async () => {
    await storePage("/2012/11/fog-on-the-towpath", article);
    const response = await get("/2012/11/fog-on-the-towpath");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(article);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("s-maxage=60, stale-while-revalidate=3540");
    expect(response.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(response.headers.get("x-longhand-cache")).toBe("HIT");
    expect(response.headers.get("x-nextjs-stale-time")).toBe("30");
    expect(response.headers.get("x-next-cache-tags")).toBeNull();
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
  });

  test("conditional GET, HEAD and gzip behave as under next start", async () => {
    await storePage("/2012/10/a-wet-october", article);
    const { headers } = await get("/2012/10/a-wet-october");
    const etag = headers.get("etag")!;
    const unchanged = await rawGet("/2012/10/a-wet-october", { "if-none-match": etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);

    const head = await fetch(`${origin}/2012/10/a-wet-october`, { method: "HEAD", headers: { "accept-encoding": "identity" } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(article)));

    const zipped = await rawGet("/2012/10/a-wet-october", { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.encoding).toBe("gzip");
    expect(gunzipSync(zipped.body).toString()).toBe(article);
  });

  test("a page and its 304 carry the blog's security headers and the request's id, once each", async () => {
    await storePage("/2012/09/harvest-moon", article);
    const page = await get("/2012/09/harvest-moon");
    const unchanged = await new Promise<{ status?: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
      httpGet(`${origin}/2012/09/harvest-moon`, { headers: { "if-none-match": page.headers.get("etag")! } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode, headers: response.headers });
      }).on("error", reject);
    });
    expect(unchanged.status).toBe(304);
    for (const headers of [Object.fromEntries(page.headers), unchanged.headers]) {
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-request-id"]).toBe("request-1");
      expect(headers["etag"]).toBe(page.headers.get("etag"));
    }
  });

  test("a page prerendered at build takes its lifetime from the build's manifest; without one it is left to Next", async () => {
    await storePage("/2010/03/built-with-the-site", article, { prerendered: true });
    const built = await get("/2010/03/built-with-the-site");
    expect(built.headers.get("cache-control")).toBe("s-maxage=40, stale-while-revalidate=3560");
    expect(await built.text()).toBe(article);
    await storePage("/2010/02/no-lifetime-known", article, { prerendered: true });
    expect(await answeredByNext(await get("/2010/02/no-lifetime-known"))).toBe(true);
  });

  test("the home page is found under Next's '/index' key, and '/index' itself is left to Next", async () => {
    await storePage("/index", "<p>Newest posts</p>");
    expect(await (await get("/")).text()).toBe("<p>Newest posts</p>");
    expect(await answeredByNext(await get("/index"))).toBe(true);
  });

  test("a page whose tag a write expired goes back to Next at once", async () => {
    const tag = await storePage("/2011/09/the-reading-room-opens", article);
    expect((await get("/2011/09/the-reading-room-opens")).status).toBe(200);
    await sleep(2);
    await cache.revalidateTag([tag]);
    expect(await answeredByNext(await get("/2011/09/the-reading-room-opens"))).toBe(true);
  });

  test("a page past its revalidate time sends one request to Next to refill it, and is served stale meanwhile", async () => {
    await storePage("/2011/08/late-summer", article, { revalidate: 1 });
    expect((await get("/2011/08/late-summer")).headers.get("x-nextjs-cache")).toBe("HIT");
    await sleep(1_100);
    const refill = await get("/2011/08/late-summer");
    expect(await answeredByNext(refill)).toBe(true);
    expect(refill.headers.get("x-longhand-cache")).toBe("MISS");
    const meanwhile = await get("/2011/08/late-summer");
    expect(meanwhile.headers.get("x-nextjs-cache")).toBe("STALE");
    expect(meanwhile.headers.get("x-longhand-cache")).toBe("STALE");
    expect(await meanwhile.text()).toBe(article);
    await storePage("/2011/08/late-summer", "<p>Refilled</p>");
    expect(await (await get("/2011/08/late-summer")).text()).toBe("<p>Refilled</p>");
  });

  test("a page with a per-request part and a page never cached go to Next as misses; anything not a plain page request bypasses", async () => {
    await storePage("/2011/07/with-a-hole", article, { postponed: "state" });
    await storePage("/2011/06/plain", article);
    await storePage("/sign-in", "<p>Sign in</p>");
    for (const response of await Promise.all([get("/2011/07/with-a-hole"), get("/2011/05/never-rendered")])) {
      expect(await answeredByNext(response)).toBe(true);
      expect(response.headers.get("x-longhand-cache")).toBe("MISS");
    }
    const toNext = [
      get("/sign-in"),
      get("/api/viewer"),
      get("/2011/06/plain?alt=rss"),
      get("/2011/06/plain?m=1"),
      get("/2011/06/plain/"),
      get("/2011/06/PLAIN"),
      get("/2011/06/plain", { rsc: "1" }),
      get("/2011/06/plain", { "next-router-prefetch": "1" }),
      get("/2011/06/plain", { cookie: "__prerender_bypass=on" }),
      fetch(`${origin}/2011/06/plain`, { method: "POST", body: "x" }),
    ];
    for (const response of await Promise.all(toNext)) {
      expect(await answeredByNext(response)).toBe(true);
      expect(response.headers.get("x-longhand-cache")).toBe("BYPASS");
    }
    expect((await get("/2011/06/plain")).status).toBe(200);
  });
});

describe("feeds and searches answered like pages", () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Library life</title>${"<entry/>".repeat(300)}</feed>`;
  const lastModified = "Sat, 22 Dec 2012 18:40:00 GMT";

  /** Stores a feed's document as Next 16.4 stores a route handler's response, and returns its tag. */
  async function storeFeed(feedPath: string, body: string) {
    const tag = `feed-${++stored}`;
    const headers = { "content-type": "application/atom+xml; charset=utf-8", etag: `"feed-${stored}"`, "last-modified": lastModified, "cache-control": "public, max-age=60", "x-next-cache-tags": tag };
    await cache.set(`/route-cache/APP_ROUTE/4567cdef/$${feedPath}`, { kind: "APP_ROUTE", status: 200, body: Buffer.from(body), headers }, { cacheControl: { revalidate: 60, expire: 3600 } });
    return { tag, etag: headers.etag };
  }

  test("a cached feed is sent at each of its addresses with its own type and validators; the reader's copy gets a 304", async () => {
    // Next keys a dynamic route's entry by its decoded path.
    const { etag } = await storeFeed("/feeds/cached/rss/5/posts/Library life", atom);
    for (const address of ["/feeds/posts/default/-/Library%20life?alt=rss&max-results=5", "/feeds/posts/default/-/Library%20life?max-results=5&alt=rss", "/feeds/posts/default/-/Library%20lif%65?alt=rss&max-results=05"]) {
      const response = await get(address);
      expect(response.status, address).toBe(200);
      expect(response.headers.get("x-longhand-cache")).toBe("HIT");
      expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      expect(response.headers.get("etag")).toBe(etag);
      expect(response.headers.get("last-modified")).toBe(lastModified);
      expect(response.headers.get("cache-control")).toBe("public, max-age=60");
      expect(response.headers.get("x-next-cache-tags")).toBeNull();
      expect(response.headers.get("x-request-id")).toBe("request-1");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(await response.text()).toBe(atom);
    }
    const address = "/feeds/posts/default/-/Library%20life?alt=rss&max-results=5";
    // Through node:http: fetch would add "Cache-Control: no-cache" to a conditional request.
    for (const validators of [{ "if-none-match": etag }, { "if-modified-since": lastModified }] as Record<string, string>[]) {
      const notModified = await rawGet(address, validators);
      expect(notModified.status).toBe(304);
      expect(notModified.body.length).toBe(0);
    }
    expect((await rawGet(address, { "if-none-match": `"older"` })).status).toBe(200);
    expect((await rawGet(address, { "if-modified-since": "Thu, 01 Jan 2009 00:00:00 GMT" })).status).toBe(200);
    const zipped = await rawGet(address, { "accept-encoding": "gzip" });
    expect(zipped.encoding).toBe("gzip");
    expect(gunzipSync(zipped.body).toString()).toBe(atom);
  });

  test("a feed not cached, or expired by a write, goes to Next at its cached address, which fills the cache", async () => {
    const { tag } = await storeFeed("/feeds/cached/atom/25/comments", atom);
    expect((await get("/feeds/comments/default")).status).toBe(200);
    await sleep(2);
    await cache.revalidateTag([tag]);
    for (const [address, cachedAt] of [
      ["/feeds/comments/default", "/feeds/cached/atom/25/comments"],
      ["/feeds/posts/default?max-results=500", "/feeds/cached/atom/100/posts"],
      ["/feeds/c1a2b3/comments/default?alt=rss", "/feeds/cached/rss/25/comments/c1a2b3"],
    ]) {
      const response = await get(address!);
      expect(await answeredByNext(response), address).toBe(true);
      expect(response.headers.get("x-longhand-cache")).toBe("MISS");
      expect(response.headers.get("x-next-url")).toBe(cachedAt);
    }
    // A format no feed has is the public route's to refuse.
    expect(response(await get("/feeds/posts/default?alt=json"))).toEqual({ outcome: "BYPASS", url: "/feeds/posts/default?alt=json" });
  });

  test("a query asked again goes to its one results address, which is cached like a page; asked once, the form's page renders it", async () => {
    const ask = (query: string) => fetch(`${origin}/search?q=${query}`, { redirect: "manual" });
    const first = await ask("garden++tools+");
    expect(await answeredByNext(first)).toBe(true);
    expect(response(first)).toEqual({ outcome: "MISS", url: "/search?q=garden++tools+" });
    // Another spelling of the same query is the same query.
    for (const again of ["garden+tools", "%20garden%20%20tools"]) {
      const redirect = await ask(again);
      expect(redirect.status, again).toBe(307);
      expect(redirect.headers.get("location")).toBe("/search/garden+tools");
      expect(redirect.headers.get("x-frame-options")).toBe("DENY");
    }
    // A results page already cached (asked elsewhere, or of another server) is gone to at once.
    await storePage("/search/caf%C3%A9+cr%C3%A8me", "<p>1 post matches.</p>");
    expect((await ask("caf%C3%A9%20cr%C3%A8me")).headers.get("location")).toBe("/search/caf%C3%A9+cr%C3%A8me");
    // Anything the form does not send, or the page must explain, is the page's.
    // A different case is another query.
    expect(response(await ask("Garden+Tools"))).toEqual({ outcome: "MISS", url: "/search?q=Garden+Tools" });
    for (const query of ["", "garden&page=2", "a".repeat(201), "%00"]) {
      await ask(query);
      expect(response(await ask(query)), query).toEqual({ outcome: "BYPASS", url: `/search?q=${query}` });
    }
    await storePage("/search/garden+tools", "<p>2 posts match.</p>");
    const results = await get("/search/garden+tools");
    expect(results.headers.get("x-longhand-cache")).toBe("HIT");
    expect(await results.text()).toBe("<p>2 posts match.</p>");
  });
});

/** What the stand-in for Next was handed: the responder's reason and the request's address. */
function response(answer: Response) {
  return { outcome: answer.headers.get("x-longhand-cache"), url: answer.headers.get("x-next-url") };
}
