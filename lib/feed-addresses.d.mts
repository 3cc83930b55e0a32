export const DEFAULT_FEED_ENTRIES: number;
export const MAX_FEED_ENTRIES: number;
export const CACHED_FEEDS_PATH: string;
export function feedOptions(searchParams: URLSearchParams): { alt: "atom" | "rss"; take: number } | { error: string };
export function cachedFeedPath(pathname: string, searchParams: URLSearchParams): string | undefined;
