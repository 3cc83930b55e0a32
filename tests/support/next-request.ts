// Next sets this global up before it loads its request storage; outside Next, this import does.
import "next/dist/server/node-environment-baseline.js";
import { getURLFromRedirectError } from "next/dist/client/components/redirect.js";
import { isRedirectError } from "next/dist/client/components/redirect-error.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store.js";
import { getImplicitTags } from "next/dist/server/lib/implicit-tags.js";
import { createWorkStore, type WorkStoreContext } from "next/dist/server/async-storage/work-store.js";
import { NextRequest } from "next/server";
import { installedNextVersion, NEXT_VERSION_WRITTEN_FOR } from "../../lib/next-private.mjs";

export type { NextRequest };

// Next has no documented way to run an action or route handler outside its server, so this module
// borrows its private request scope. It is the tests' one place that does, and it says so loudly
// when the Next it was written for (the version package.json pins) is not the one installed.
const privateParts = { getURLFromRedirectError, isRedirectError, workAsyncStorage, workUnitAsyncStorage, createRequestStoreForAPI, getImplicitTags, createWorkStore };
const missingParts = Object.entries(privateParts).flatMap(([name, part]) => (part === undefined ? [name] : []));
if (installedNextVersion() !== NEXT_VERSION_WRITTEN_FOR || missingParts.length > 0) {
  throw new Error(
    `tests/support/next-request.ts was written for Next ${NEXT_VERSION_WRITTEN_FOR}, and Next ${installedNextVersion()} is installed` +
      (missingParts.length > 0 ? ` (missing: ${missingParts.join(", ")})` : "") +
      ": check its private request scope against the new release, then update NEXT_VERSION_WRITTEN_FOR.",
  );
}

interface RequestScope {
  /** The route file's page, such as `/dashboard/posts/page` or `/api/uploads/route`. */
  page: string;
  request: NextRequest;
}

/**
 * Runs `call` inside Next's own request scope (the stores Next sets up around a server action or
 * a route handler), so `cookies()`, `headers()`, next-auth's `getServerSession`, `updateTag`,
 * `refresh` and `after` behave as in the running server. Tasks given to `after` run once the call
 * has answered, as they would after the response.
 */
export async function inNextRequest<Result>({ page, request }: RequestScope, call: () => Promise<Result>): Promise<{ outcome: PromiseSettledResult<Result>; expiredTags: string[] }> {
  const closeCallbacks: (() => void)[] = [];
  const afterTasks: Promise<unknown>[] = [];
  const workStore = createWorkStore({
    page,
    renderOpts: {
      // Tag expiry is recorded on the store; nothing here reads a cache.
      incrementalCache: {} as never,
      // Nothing here is cached ("use cache" is compiled only by Next), so no cache profile is read.
      cacheLifeProfiles: {} as WorkStoreContext["renderOpts"]["cacheLifeProfiles"],
      staticPageGenerationTimeout: 60,
      cacheComponents: true,
      validationLevel: "warning",
      experimental: { isRoutePPREnabled: false, authInterrupts: true, useCacheTimeout: 0, durableUseCacheEntries: false },
      waitUntil: (promise) => afterTasks.push(promise),
      onClose: (callback) => closeCallbacks.push(callback),
      onAfterTaskError: (error) => {
        throw error;
      },
    },
    deploymentId: "",
    buildId: "test",
    previouslyRevalidatedTags: [],
  });
  const requestStore = createRequestStoreForAPI(
    request,
    { pathname: request.nextUrl.pathname, search: request.nextUrl.search },
    await getImplicitTags(page, request.nextUrl.pathname, null),
    undefined,
    // Draft mode is never on here.
    { previewModeId: "", previewModeEncryptionKey: "", previewModeSigningKey: "" },
    undefined,
  );
  const outcome = await workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, () => call().then(...settle)));
  for (const callback of closeCallbacks) callback();
  await Promise.all(afterTasks);
  return { outcome, expiredTags: (workStore.pendingRevalidatedTags ?? []).map(({ tag }) => tag) };
}

const settle = [
  <Value>(value: Value): PromiseSettledResult<Value> => ({ status: "fulfilled", value }),
  (reason: unknown): PromiseRejectedResult => ({ status: "rejected", reason }),
] as const;

/** Where a `redirect()` thrown inside the call sends the browser, or null for any other error. */
export function redirectTarget(error: unknown): string | null {
  return isRedirectError(error) ? getURLFromRedirectError(error) : null;
}

/** A request as Next hands it to a route handler (next-auth reads `nextUrl` from it). */
export function nextRequest(url: URL, init: ConstructorParameters<typeof NextRequest>[1]): NextRequest {
  return new NextRequest(url, init);
}
