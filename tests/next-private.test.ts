import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { fastPathMismatch, NEXT_VERSION_WRITTEN_FOR } from "../lib/next-private.mjs";

type BuildParts = { previewModeId?: string; homeRevalidate?: number | false; homeMeta?: object | null };

/** A dist folder holding what `next build` writes and the fast path reads, with one part changed. */
function buildFolder({ previewModeId = "a1b2c3", homeRevalidate = 40, homeMeta = { status: 200, headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/,posts" } } }: BuildParts = {}) {
  const distDir = mkdtempSync(path.join(tmpdir(), "longhand-next-private-"));
  mkdirSync(path.join(distDir, "server", "app"), { recursive: true });
  writeFileSync(
    path.join(distDir, "prerender-manifest.json"),
    JSON.stringify({ routes: { "/": { initialRevalidateSeconds: homeRevalidate, initialExpireSeconds: 3600 } }, preview: { previewModeId } }),
  );
  writeFileSync(path.join(distDir, "server", "functions-config-manifest.json"), JSON.stringify({ version: 1, functions: {} }));
  writeFileSync(path.join(distDir, "server", "app", "index.html"), "<p>Newest posts</p>");
  if (homeMeta) writeFileSync(path.join(distDir, "server", "app", "index.meta"), JSON.stringify(homeMeta));
  return distDir;
}

describe("the fast path's start-up check of what it takes from Next", () => {
  test("the installed Next.js and a build in the shape it was written for turn it on", async () => {
    expect(await fastPathMismatch({ distDir: buildFolder() })).toBeUndefined();
  });

  test("any other Next.js version turns it off, naming both versions", async () => {
    const reason = await fastPathMismatch({ distDir: buildFolder(), nextVersion: "16.5.0" });
    expect(reason).toBe(`Next.js is 16.5.0, the fast path was written for ${NEXT_VERSION_WRITTEN_FOR}`);
  });

  test("a deep import that no longer loads, or lacks a function the fast path calls, turns it off", async () => {
    const distDir = buildFolder();
    const specifier = "next/dist/server/lib/route-cache-key.js";
    const renamed = [{ specifier, load: () => import("next/dist/server/lib/route-cache-key.js"), functions: { getRouteCacheKey: "getPageCacheKey" } }];
    expect(await fastPathMismatch({ distDir, privateModules: renamed })).toBe('next/dist/server/lib/route-cache-key.js has no function "getPageCacheKey"');
    const missing = "next/dist/server/lib/no-such-module.js";
    const moved = [{ specifier: missing, load: () => import(/* @vite-ignore */ missing), functions: { FileSystemCache: "default" } }];
    expect(await fastPathMismatch({ distDir, privateModules: moved })).toMatch(/^next\/dist\/server\/lib\/no-such-module.js does not load/);
  });

  test("Next keying its pages in a form the fast path does not read turns it off", async () => {
    const reason = await fastPathMismatch({ distDir: buildFolder(), pageCacheKey: (requestPath) => `/route-cache/APP_PAGE/0123abcd${requestPath}` });
    expect(reason).toBe('Next keys the page "/" as "/route-cache/APP_PAGE/0123abcd/", which reads back as "undefined"');
  });

  test("a build without the draft-mode cookie value turns it off", async () => {
    const distDir = buildFolder();
    writeFileSync(path.join(distDir, "prerender-manifest.json"), JSON.stringify({ routes: { "/": { initialRevalidateSeconds: 40 } } }));
    expect(await fastPathMismatch({ distDir })).toMatch(/no draft-mode cookie value/);
  });

  test("a build whose prerendered pages carry no lifetime, or whose home page entry is shaped otherwise, turns it off", async () => {
    expect(await fastPathMismatch({ distDir: buildFolder({ homeRevalidate: false }) })).toMatch(/no numeric initialRevalidateSeconds/);
    expect(await fastPathMismatch({ distDir: buildFolder({ homeMeta: null }) })).toMatch(/not at server\/app\/index.html and index.meta/);
    expect(await fastPathMismatch({ distDir: buildFolder({ homeMeta: { status: 200, headers: {} } }) })).toMatch(/no status or x-next-cache-tags/);
    // Expiring every page at once (lib/tag-bus.mjs) relies on the root layout's tag.
    const untagged = { status: 200, headers: { "x-next-cache-tags": "_N_T_/,posts" } };
    expect(await fastPathMismatch({ distDir: buildFolder({ homeMeta: untagged }) })).toBe("the prerendered home page is not tagged _N_T_/layout");
  });

  test("a folder that is not a build turns it off", async () => {
    const reason = await fastPathMismatch({ distDir: path.join(tmpdir(), "longhand-no-such-build") });
    expect(reason).toMatch(/^the build's manifests in .*longhand-no-such-build cannot be read/);
  });
});
