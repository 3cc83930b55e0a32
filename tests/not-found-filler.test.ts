import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NOT_FOUND_PAGE_PATH } from "../lib/next-private.mjs";
import RenderStartPageCache from "../lib/page-cache-handler.mjs";
import { pageETag } from "../lib/page-headers.mjs";
import { createNotFoundFiller } from "../lib/next-response-fixes.mjs";

// server.mjs puts the blog's whole 404 page in place of the empty document Next sends for an
// unknown address or a route's notFound(). Here it runs in front of a stand-in for Next that sends
// that empty document, with Next's own page cache (the handler's) holding the 404 page as Next
// keeps it after rendering it at its own address.
const BLANK_DOCUMENT = '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>/* fills it in */</script></body></html>';
const BUILT_PAGE = "<!DOCTYPE html><html><body><h1>Notes from the Reading Room</h1><p>Page not found (as built)</p></body></html>";
// Unique to this run: tag state is process-wide.
const SETTINGS_TAG = `settings-${process.pid}`;
const notFoundKey = `/route-cache/APP_PAGE/r${process.pid}/$${NOT_FOUND_PAGE_PATH}`;
const titled = (title: string) => `<!DOCTYPE html><html><body><h1>${title}</h1><p>Page not found</p></body></html>`;

const distDir = mkdtempSync(path.join(tmpdir(), "longhand-not-found-"));
mkdirSync(path.join(distDir, "server", "app"), { recursive: true });
writeFileSync(path.join(distDir, "server", "app", "_not-found.html"), BUILT_PAGE);
writeFileSync(
  path.join(distDir, "prerender-manifest.json"),
  JSON.stringify({ routes: { [NOT_FOUND_PAGE_PATH]: { initialStatus: 404, initialRevalidateSeconds: 40, initialExpireSeconds: 3600 } } }),
);

const { nodeFs } = createRequire(import.meta.url)("next/dist/server/lib/node-fs-methods.js");
const cache = new RenderStartPageCache({ fs: nodeFs, serverDistDir: path.join(distDir, "server"), flushToDisk: false, maxMemoryCacheSize: 1_000_000, revalidatedTags: [] });
/** Stores the 404 page as Next does once it rendered it at its own address (it records no status there). */
async function renderedByNext(html: string) {
  await cache.get(notFoundKey, { kind: "APP_PAGE", isRoutePPREnabled: true });
  const value = { kind: "APP_PAGE", html, rscData: Buffer.from(""), headers: { "x-next-cache-tags": `_N_T_/layout,${SETTINGS_TAG}` }, postponed: undefined };
  await cache.set(notFoundKey, value, { cacheControl: { revalidate: 40, expire: 3600 } });
}

/** What asking this server for the 404 page's address does: Next renders it with the blog's title now. */
let currentTitle = "First title";
let askedFor: string[] = [];
let answering: "yes" | "no whole answer" | "throws" = "yes";
async function askForPage(requestPath: string) {
  askedFor.push(requestPath);
  if (answering === "throws") throw new Error("a bug on the way");
  if (answering === "no whole answer") return undefined;
  const html = titled(currentTitle);
  await renderedByNext(html);
  return { status: 404, body: html };
}

let server: Server;
let origin: string;
beforeAll(async () => {
  const fillBlankNotFound = createNotFoundFiller({ distDir, askForPage });
  server = createServer((request, response) => {
    fillBlankNotFound(request, response);
    // As Next sends a page: status and headers set, then the body in one end().
    response.statusCode = 404;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Length", Buffer.byteLength(BLANK_DOCUMENT));
    response.end(BLANK_DOCUMENT);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function notFound(requestPath: string) {
  const response = await fetch(origin + requestPath);
  const body = await response.text();
  expect(response.status).toBe(404);
  expect(response.headers.get("etag")).toBe(pageETag(body));
  expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
  return body;
}

/** A save of the blog's title, as the settings action makes it: the row changes, then its tag expires. */
async function saveTitle(title: string) {
  currentTitle = title;
  await sleep(5);
  await cache.revalidateTag([SETTINGS_TAG]);
  askedFor = [];
}

describe("the whole 404 page in place of Next's empty document", () => {
  test("with the page not rendered yet, it is asked for once and sent; later 404s get it from the cache", async () => {
    expect(await notFound("/no-such-thing")).toBe(titled("First title"));
    expect(await notFound("/label/no-such-label")).toBe(titled("First title"));
    expect(askedFor).toEqual([NOT_FOUND_PAGE_PATH]);
  });

  test("a saved title (its tag expired) shows on the very next 404, unknown address or a route's notFound()", async () => {
    await saveTitle("Second title");
    expect(await notFound("/2099/01/nothing")).toBe(titled("Second title"));
    expect(await notFound("/no-such-thing")).toBe(titled("Second title"));
    expect(askedFor).toEqual([NOT_FOUND_PAGE_PATH]);
  });

  test("404s arriving together while the page is rendered anew wait for that one render", async () => {
    await saveTitle("Third title");
    const pages = await Promise.all(["/a", "/b", "/c", "/d"].map(notFound));
    expect(pages).toEqual(Array(4).fill(titled("Third title")));
    expect(askedFor).toEqual([NOT_FOUND_PAGE_PATH]);
  });

  test("when the page cannot be had from the server, the build's copy stands in rather than a blank page", async () => {
    await saveTitle("Fourth title");
    answering = "no whole answer";
    expect(await notFound("/no-such-thing")).toBe(BUILT_PAGE);
    answering = "throws";
    expect(await notFound("/no-such-thing")).toBe(BUILT_PAGE);
    answering = "yes";
    expect(await notFound("/no-such-thing")).toBe(titled("Fourth title"));
  });
});
