import { createRequire } from "node:module";
import type * as RequestStores from "next/dist/server/async-storage/request-store.js";
import type * as WorkStorage from "next/dist/server/app-render/work-async-storage.external.js";
import type * as WorkUnitStorage from "next/dist/server/app-render/work-unit-async-storage.external.js";
import type * as WorkStores from "next/dist/server/async-storage/work-store.js";

// Through Node's own require, so these are the very modules next/headers reads from when a
// library (next-auth) requires it; set up first, as Next's server does (AsyncLocalStorage on globalThis).
const require = createRequire(import.meta.url);
require("next/dist/server/node-environment-baseline.js");
const { createRequestStore } = require("next/dist/server/async-storage/request-store.js") as typeof RequestStores;
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external.js") as typeof WorkUnitStorage;
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external.js") as typeof WorkStorage;
const { createWorkStore } = require("next/dist/server/async-storage/work-store.js") as typeof WorkStores;

// What Next's request handling passes for a route: only what a server action's code reads.
const renderOpts: Partial<WorkStores.WorkStoreContext["renderOpts"]> = {
  staticPageGenerationTimeout: 60,
  cacheComponents: true,
  experimental: { isRoutePPREnabled: true, authInterrupts: true, useCacheTimeout: 60_000, durableUseCacheEntries: false },
};

/**
 * Runs server code (a server action, getCurrentUser) as Next runs it for a request carrying this
 * Cookie header (in its action phase), so next/headers' cookies() and headers() answer as they
 * would in the app.
 */
export function inRequestScope<Result>(cookie: string, work: () => Promise<Result>): Promise<Result> {
  const store = createRequestStore({
    phase: "action",
    headers: { cookie },
    onUpdateCookies: undefined,
    url: { pathname: "/" },
    rootParams: {},
    implicitTags: { tags: [], expirationsByCacheKind: new Map() },
    resumeDataCache: null,
    previewProps: undefined,
    isHmrRefresh: false,
    serverComponentsHmrCache: undefined,
    hmrRefreshHash: undefined,
    stagedFallbackParams: null,
  });
  const workStore = createWorkStore({
    page: "/test",
    renderOpts: renderOpts as WorkStores.WorkStoreContext["renderOpts"],
    deploymentId: "",
    buildId: "test",
    previouslyRevalidatedTags: [],
  });
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(store, work));
}
