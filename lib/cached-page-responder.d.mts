import type { IncomingMessage, ServerResponse } from "node:http";

export const CACHE_OUTCOME_HEADER: string;

/** How server.mjs served a request: from the page cache (HIT, STALE) or through Next (MISS, BYPASS). */
export type CacheOutcome = "HIT" | "STALE" | "MISS" | "BYPASS";

/** Answers a GET for a page Next has cached whole and not expired (HIT or STALE); MISS or BYPASS leave it to Next. */
export function createCachedPageResponder(options: { distDir: string; refillPage?: (requestPath: string) => void }): (request: IncomingMessage, response: ServerResponse) => CacheOutcome;
