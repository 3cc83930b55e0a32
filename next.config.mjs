/** @type {import('next').NextConfig} */
const nextConfig = {
  // Partial prerendering: reader pages are cached shells invalidated by tag (lib/cache-tags.ts).
  cacheComponents: true,
  partialPrefetching: true,
  poweredByHeader: false,
  // Lets a second build live beside the first (the start test builds against its own database).
  distDir: process.env.LONGHAND_DIST_DIR || ".next",
};

export default nextConfig;
