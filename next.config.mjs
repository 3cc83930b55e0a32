/** @type {import('next').NextConfig} */
const nextConfig = {
  // Partial prerendering: reader pages are cached shells invalidated by tag (lib/cache-tags.ts).
  cacheComponents: true,
  partialPrefetching: true,
  poweredByHeader: false,
};

export default nextConfig;
