// What server.mjs's fast path takes from Next.js that Next does not document, checked at start-up.
//
// The fast path (lib/cached-page-responder.mjs, lib/page-cache-handler.mjs) reads Next 16.4.6's
// page cache, its entries, two build manifests and the draft-mode cookie's value, through deep
// imports into next/dist. If an upgrade changed any of them the fast path could stop answering
// without an error, and every page would quietly cost a trip through Next's router. So server.mjs
// asks `fastPathMismatch` first, and on any answer logs it and leaves every request to Next.
// (A deep import gone altogether, or a named export it lacks, stops the server at start with
// Node's own error instead: those imports are static, and Next loads the page cache handler too.)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { requestPathOf } from "./page-cache-handler.mjs";

/** The one Next.js release the fast path was written against and tested with (package.json pins it). */
export const NEXT_VERSION_WRITTEN_FOR = "16.4.6";

/** Each deep import the fast path makes, and the functions it uses from it. */
export const PRIVATE_MODULES = [
  { specifier: "next/dist/compiled/fresh/index.js", functions: ["default"] },
  { specifier: "next/dist/server/lib/cache-control.js", functions: ["getCacheControlHeader"] },
  { specifier: "next/dist/server/lib/etag.js", functions: ["generateETag"] },
  { specifier: "next/dist/server/lib/incremental-cache/file-system-cache.js", functions: ["default"] },
  { specifier: "next/dist/server/lib/incremental-cache/tags-manifest.external.js", functions: ["areTagsExpired", "areTagsStale"] },
];

const require = createRequire(import.meta.url);

export function installedNextVersion() {
  return JSON.parse(readFileSync(require.resolve("next/package.json"), "utf8")).version;
}

/** The first of a module's expected functions it lacks, or why it cannot be loaded at all. */
async function missingFunction({ specifier, functions }) {
  let loaded;
  try {
    loaded = await import(specifier);
  } catch (error) {
    return `${specifier} does not load (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  // Node hands a CommonJS module's exports over as `default` (a compiled ES module's own default
  // being `default.default`), and the names it can detect beside it.
  const absent = functions.find((name) => typeof loaded[name] !== "function" && typeof loaded.default?.[name] !== "function");
  return absent === undefined ? undefined : `${specifier} has no function "${absent}"`;
}

// A page of each shape the blog has: the home page (Next's "/index"), a nested path, a dotted one.
const SAMPLE_PAGE_PATHS = ["/", "/2011/09/a-post", "/label/networking", "/p/about.html"];

/** The key Next's page cache stores a page under (what RenderStartPageCache is handed). */
async function nextPageCacheKey(requestPath) {
  const { getRouteCacheKey } = await import("next/dist/server/lib/route-cache-key.js");
  const kind = /** @type {import("next/dist/server/route-kind.js").RouteKind.APP_PAGE} */ ("APP_PAGE");
  return getRouteCacheKey(requestPath, { kind, sourceRoute: "/(blog)/[year]/[month]/[slug]/page" });
}

/** Why the fast path would not find pages under the keys Next stores them by. */
async function keyMismatch(pageCacheKey) {
  for (const requestPath of SAMPLE_PAGE_PATHS) {
    let key;
    try {
      key = await pageCacheKey(requestPath);
    } catch (error) {
      return `Next's page cache key cannot be made (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
    }
    const readBack = requestPathOf(key);
    if (readBack !== requestPath) return `Next keys the page "${requestPath}" as "${key}", which reads back as "${readBack}"`;
  }
  return undefined;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Why the build's manifests or its prerendered home page are not in the shape the fast path reads. */
function buildMismatch(distDir) {
  let prerender;
  try {
    prerender = readJson(path.join(distDir, "prerender-manifest.json"));
    readJson(path.join(distDir, "server", "functions-config-manifest.json"));
  } catch (error) {
    return `the build's manifests in ${distDir} cannot be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  if (typeof prerender.preview?.previewModeId !== "string") return "the prerender manifest has no draft-mode cookie value (preview.previewModeId)";
  const home = prerender.routes?.["/"];
  if (typeof home?.initialRevalidateSeconds !== "number") return 'the prerender manifest gives the home page ("/") no numeric initialRevalidateSeconds';
  // Next's page cache reads a prerendered page from these two files; the fast path reads its status and tags.
  let meta;
  try {
    readFileSync(path.join(distDir, "server", "app", "index.html"));
    meta = readJson(path.join(distDir, "server", "app", "index.meta"));
  } catch {
    return "the prerendered home page is not at server/app/index.html and index.meta";
  }
  if (typeof meta.status !== "number" || typeof meta.headers?.["x-next-cache-tags"] !== "string") {
    return "the prerendered home page's index.meta has no status or x-next-cache-tags header";
  }
  return undefined;
}

/**
 * Why the fast path must stay off with this Next.js and this build, or undefined when everything
 * it relies on is there. `nextVersion`, `privateModules` and `pageCacheKey` stand in for the real ones (tests).
 * @param {{ distDir: string, nextVersion?: string, privateModules?: typeof PRIVATE_MODULES, pageCacheKey?: (requestPath: string) => string | Promise<string> }} options
 * @returns {Promise<string | undefined>}
 */
export async function fastPathMismatch({ distDir, nextVersion = installedNextVersion(), privateModules = PRIVATE_MODULES, pageCacheKey = nextPageCacheKey }) {
  if (nextVersion !== NEXT_VERSION_WRITTEN_FOR) {
    return `Next.js is ${nextVersion}, the fast path was written for ${NEXT_VERSION_WRITTEN_FOR}`;
  }
  for (const privateModule of privateModules) {
    const missing = await missingFunction(privateModule);
    if (missing) return missing;
  }
  return (await keyMismatch(pageCacheKey)) ?? buildMismatch(distDir);
}
