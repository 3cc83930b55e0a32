import type FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

export const NEXT_VERSION_WRITTEN_FOR: string;
export const ROOT_LAYOUT_TAG: string;
/** Where Next renders the root not-found page whole, and the path its page cache keeps it under. */
export const NOT_FOUND_PAGE_PATH: string;
export function installedNextVersion(): string;

export type PrivateModule = { specifier: string; load: () => Promise<object>; functions: Readonly<Record<string, string>> };
export const PRIVATE_MODULES: readonly PrivateModule[];

/** What is taken from Next: its page cache, the tag state every cache of its reads, and its page keys. */
export interface NextPrivateParts {
  FileSystemCache: typeof FileSystemCache;
  areTagsExpired(tags: string[], timestamp: number): boolean;
  areTagsStale(tags: string[], timestamp: number): boolean;
  getRouteCacheKey(requestPath: string, route: { kind: "APP_PAGE"; sourceRoute: string }): string;
}

type StandIns = { privateModules?: readonly PrivateModule[] };

/** Next's private parts, or why they cannot be had. Never throws. */
export function loadNextPrivate(options?: StandIns): Promise<{ parts: NextPrivateParts; unavailable?: undefined } | { parts?: undefined; unavailable: string }>;

/** The request path a page cache key of Next's stands for, or undefined when it is not a page's key. */
export function requestPathOf(key: string): string | undefined;

/** Why the fast path must stay off with this Next.js and build, or undefined when all it relies on is there. Never throws. */
export function fastPathMismatch(
  options: { distDir: string; nextVersion?: string; pageCacheKey?: (requestPath: string) => string | Promise<string> } & StandIns,
): Promise<string | undefined>;
