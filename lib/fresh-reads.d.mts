export const FRESH_READS_COOKIE: string;
export const FRESH_READS_SECONDS: number;
export function freshReadsToken(secret: string, now?: number): string;
export function hasFreshReads(cookieHeader: string | undefined, secret: string | undefined, now?: number): boolean;
