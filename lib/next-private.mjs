// Everything server.mjs, next.config.mjs and the lib/*.mjs they load take from Next.js that Next
// does not document: the only module here that reaches into next/dist.
//
// The page cache handler (lib/page-cache-handler.mjs) extends Next's own page cache and reads its
// tag state; the fast path (lib/cached-page-responder.mjs) reads that cache's entries by Next's
// keys, two build manifests and the draft-mode cookie's value. The modules are loaded with a
// dynamic import so that an upgrade that moved or renamed one cannot stop the server: without
// them next.config.mjs leaves Next's page cache as it is, and server.mjs, asking
// `fastPathMismatch` first, logs one line and leaves every request to Next. The same check
// catches the silent kind of change (keys or entries in another shape), under which the fast path
// would stop answering without an error and every page would cost a trip through Next's router.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The one Next.js release the fast path was written against and tested with (package.json pins it). */
export const NEXT_VERSION_WRITTEN_FOR = "16.4.6";

/**
 * The tag Next gives every page through its root layout, which it also checks for every "use
 * cache" entry read while rendering one: expiring it is what revalidatePath("/", "layout") does.
 */
export const ROOT_LAYOUT_TAG = "_N_T_/layout";

/**
 * Where Next renders the app's root not-found page (app/not-found.tsx) whole, and the path its page
 * cache keeps that page under. Any other address Next answers with that page (a path no route
 * serves, or a route's notFound()) gets an empty document that script fills in
 * (lib/next-response-fixes.mjs). The build prerenders it as server/app/_not-found.html.
 */
export const NOT_FOUND_PAGE_PATH = "/_not-found";

/**
 * Each deep import, and the functions taken from it: the name used here → the name it exports.
 * Each import names its module literally: Next bundles this file into its proxy, and a bundler
 * cannot follow an import of a variable.
 */
export const PRIVATE_MODULES = [
  {
    specifier: "next/dist/server/lib/incremental-cache/file-system-cache.js",
    load: () => import("next/dist/server/lib/incremental-cache/file-system-cache.js"),
    functions: { FileSystemCache: "default" },
  },
  {
    specifier: "next/dist/server/lib/incremental-cache/tags-manifest.external.js",
    load: () => import("next/dist/server/lib/incremental-cache/tags-manifest.external.js"),
    functions: { areTagsExpired: "areTagsExpired", areTagsStale: "areTagsStale" },
  },
  {
    specifier: "next/dist/server/lib/route-cache-key.js",
    load: () => import("next/dist/server/lib/route-cache-key.js"),
    functions: { getRouteCacheKey: "getRouteCacheKey" },
  },
];

const require = createRequire(import.meta.url);

export function installedNextVersion() {
  return JSON.parse(readFileSync(require.resolve("next/package.json"), "utf8")).version;
}

const firstLine = (error) => (error instanceof Error ? error.message.split("\n")[0] : String(error));

// Node hands a CommonJS module over as `default` (a compiled ES module's own default being
// `default.default`), with the names it could detect beside it; Vitest hands over the module itself.
function exportedFunction(loaded, name) {
  const candidate = typeof loaded.default?.[name] === "function" ? loaded.default[name] : loaded[name];
  return typeof candidate === "function" ? candidate : undefined;
}

async function loadParts(privateModules) {
  const parts = {};
  for (const { specifier, load, functions } of privateModules) {
    let loaded;
    try {
      loaded = await load();
    } catch (error) {
      return { unavailable: `${specifier} does not load (${firstLine(error)})` };
    }
    for (const [partName, exportName] of Object.entries(functions)) {
      const found = exportedFunction(loaded, exportName);
      if (!found) return { unavailable: `${specifier} has no function "${exportName}"` };
      parts[partName] = found;
    }
  }
  return { parts };
}

let loading;

/** Next's private parts, or why they cannot be had. Never throws. `privateModules` stands in for the real ones (tests). */
export function loadNextPrivate({ privateModules = PRIVATE_MODULES } = {}) {
  if (privateModules !== PRIVATE_MODULES) return loadParts(privateModules);
  loading ??= loadParts(privateModules);
  return loading;
}

// Next 16.4 keys a page "/route-cache/APP_PAGE/<route hash>/$/<page path>", the home page's path
// being "/index" and any other path under "/index/..." keeping it as a prefix (checked at
// start-up against Next's own key function, below).
export function requestPathOf(key) {
  const at = key.indexOf("/$/");
  if (at === -1) return undefined;
  const pagePath = key.slice(at + 2);
  if (pagePath === "/index") return "/";
  return pagePath.startsWith("/index/") ? pagePath.slice("/index".length) : pagePath;
}

// A page of each shape the blog has: the home page (Next's "/index"), a nested path, a dotted one.
const SAMPLE_PAGE_PATHS = ["/", "/2011/09/a-post", "/label/networking", "/p/about.html"];

/** Why the fast path would not find pages under the keys Next stores them by. */
async function keyMismatch(pageCacheKey) {
  for (const requestPath of SAMPLE_PAGE_PATHS) {
    let key;
    try {
      key = await pageCacheKey(requestPath);
    } catch (error) {
      return `Next's page cache key cannot be made (${firstLine(error)})`;
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
    return `the build's manifests in ${distDir} cannot be read (${firstLine(error)})`;
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
  const tags = meta.headers?.["x-next-cache-tags"];
  if (typeof meta.status !== "number" || typeof tags !== "string") return "the prerendered home page's index.meta has no status or x-next-cache-tags header";
  if (!tags.split(",").includes(ROOT_LAYOUT_TAG)) return `the prerendered home page is not tagged ${ROOT_LAYOUT_TAG}`;
  return undefined;
}

/**
 * Why the fast path must stay off with this Next.js and this build, or undefined when everything
 * it relies on is there. Never throws. `nextVersion`, `privateModules` and `pageCacheKey` stand in
 * for the real ones (tests).
 */
export async function fastPathMismatch({ distDir, nextVersion = installedNextVersion(), privateModules, pageCacheKey }) {
  if (nextVersion !== NEXT_VERSION_WRITTEN_FOR) {
    return `Next.js is ${nextVersion}, the fast path was written for ${NEXT_VERSION_WRITTEN_FOR}`;
  }
  const { parts, unavailable } = await loadNextPrivate({ privateModules });
  if (!parts) return unavailable;
  const nextPageCacheKey = (requestPath) => parts.getRouteCacheKey(requestPath, { kind: "APP_PAGE", sourceRoute: "/(blog)/[year]/[month]/[slug]/page" });
  return (await keyMismatch(pageCacheKey ?? nextPageCacheKey)) ?? buildMismatch(distDir);
}
