import type { IncomingMessage, ServerResponse } from "node:http";

export const CACHE_OUTCOME_HEADER: string;

/** How server.mjs served a request: from the page cache (HIT, STALE) or through Next (MISS, BYPASS). */
export type CacheOutcome = "HIT" | "STALE" | "MISS" | "BYPASS";

/**
 * Answers a GET for a page Next has cached whole and not expired (HIT or STALE), with the address's
 * security headers and the request's own headers (a flat name, value list); MISS or BYPASS leave it to Next.
 */
export function createCachedPageResponder(options: {
  distDir: string;
  securityHeadersFor: (url: string) => readonly (readonly [string, string])[];
  /** Requests a page of this server's, as a reader would, so that a stale one is rendered anew. */
  refillPage?: (requestPath: string) => void;
}): (request: IncomingMessage, response: ServerResponse, ownHeaders: (string | number)[]) => CacheOutcome;

/** Request path → the lifetime the build gave each page it prerendered (their entries carry none). */
export function buildCacheControls(distDir: string): Map<string, { revalidate: number | false; expire: number | undefined }>;
