export function shareCachedPageHtml(read: (requestPath: string) => string | undefined): void;
export function cachedPageHtml(requestPath: string): string | undefined;
