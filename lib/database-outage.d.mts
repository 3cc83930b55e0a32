export const OUTAGE_WINDOW_MS: number;
export const RETRY_AFTER_SECONDS: number;
export function isDatabaseUnavailable(error: unknown): boolean;
export function markDatabaseUnavailable(now?: number): void;
export function databaseRecentlyUnavailable(now?: number): boolean;
export function noteIfDatabaseUnavailable(error: unknown): boolean;
export function databaseRefusesConnections(databaseUrl: string, timeoutMs?: number): Promise<boolean>;
