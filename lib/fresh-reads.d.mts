export const FRESH_READS_COOKIE: string;
export const FRESH_READS_SECONDS: number;
export function sessionCookieValue(cookieHeader: string | undefined): string;
export function freshReadsToken(options: { secret: string; userId: string; cookieHeader: string; now?: number }): string;
export function hasFreshReads(cookieHeader: string | undefined, secret: string | undefined, now?: number): boolean;
