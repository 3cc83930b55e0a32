import { createRequire } from "node:module";
import { loadNextPrivate } from "./lib/next-private.mjs";

const require = createRequire(import.meta.url);

// The handler extends Next's private page cache (lib/next-private.mjs): without it, Next's own.
const { unavailable: pageCacheHandlerUnavailable } = await loadNextPrivate();
if (pageCacheHandlerUnavailable) {
  console.error(
    `Longhand: page cache handler off, using Next's own (pages are dated from when they are stored, tag expiry is not shared between server processes): ${pageCacheHandlerUnavailable}`,
  );
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Reader pages are prerendered and cached, invalidated by tag (lib/cache-tags.ts).
  cacheComponents: true,
  // Off on purpose: a URL not prerendered at build (an older post, say) is then rendered in full
  // on its first visit and cached, instead of answering with a fallback shell whose content
  // streams in by script. Readers without JavaScript get the post, and a missing post a real 404.
  partialPrefetching: false,
  // Dates a cached page from when its render began, so a render that overlapped a write is not
  // taken for newer than it, and shares tag expiry between server processes (lib/page-cache-handler.mjs).
  cacheHandler: pageCacheHandlerUnavailable ? undefined : require.resolve("./lib/page-cache-handler.mjs"),
  // The bound on pages kept in memory only (every page the build did not prerender: the handler
  // writes no others to disk); past it the least recently used page is dropped. Next's default.
  cacheMaxMemorySize: 50 * 1024 * 1024,
  // forbidden(): a reader who opens the dashboard gets a 403 page (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // server.mjs compresses, after its corrections to Next's responses (lib/next-response-fixes.mjs).
  compress: false,
  // Lets a second build live beside the first (the start test builds against its own database).
  distDir: process.env.LONGHAND_DIST_DIR || ".next",
  // Blogger's post URLs end in ".html"; ours are the same without it.
  async redirects() {
    return [{ source: "/:year(\\d{4})/:month(\\d{2})/:slug([a-z0-9-]+)\\.html", destination: "/:year/:month/:slug", permanent: true }];
  },
};

export default nextConfig;
