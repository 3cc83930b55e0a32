import type { NextConfig } from "next";
import { afterAll, describe, expect, test, vi } from "vitest";

// What happens when an upgrade of Next moves one of the modules lib/next-private.mjs reaches into:
// here Next's page cache module is made to fail to load, as a renamed file would.
vi.mock("next/dist/server/lib/incremental-cache/file-system-cache.js", () => {
  throw new Error("Cannot find module 'next/dist/server/lib/incremental-cache/file-system-cache.js'");
});

const loggedErrors = vi.spyOn(console, "error").mockImplementation(() => {});
afterAll(() => loggedErrors.mockRestore());

describe("a deep import into Next that no longer loads", () => {
  test("turns the fast path off with a message naming it, instead of stopping the server", async () => {
    const { fastPathMismatch } = await import("../lib/next-private.mjs");
    const reason = await fastPathMismatch({ distDir: "/nonexistent" });
    expect(reason).toMatch(/^next\/dist\/server\/lib\/incremental-cache\/file-system-cache.js does not load \(/);
  });

  test("leaves the server's modules loadable, with nothing served from the page cache", async () => {
    const { default: RenderStartPageCache } = await import("../lib/page-cache-handler.mjs");
    const { createCachedPageResponder } = await import("../lib/cached-page-responder.mjs");
    expect(createCachedPageResponder).toBeTypeOf("function");
    expect(RenderStartPageCache.servablePage("/", { revalidate: 900, expire: 3600 })).toBeUndefined();
    expect(() => new RenderStartPageCache({})).toThrow(/page cache handler cannot run: .*file-system-cache.js does not load/);
  });

  test("leaves Next's own page cache in place of the handler, and says so", async () => {
    // (By URL: next.config.mjs has no type declarations of its own.)
    const { default: nextConfig } = (await import(new URL("../next.config.mjs", import.meta.url).href)) as { default: NextConfig };
    expect(nextConfig.cacheHandler).toBeUndefined();
    expect(loggedErrors).toHaveBeenCalledWith(expect.stringMatching(/^Longhand: page cache handler off, using Next's own .*file-system-cache.js does not load/));
  });
});
