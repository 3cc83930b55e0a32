export const RETRY_AFTER_SECONDS: number;
export function isDatabaseUnavailable(error: unknown): boolean;
export function databaseRecentlyUnavailable(now?: number): boolean;
export function noteIfDatabaseUnavailable(error: unknown): boolean;
export function databaseRefusesConnections(databaseUrl: string, timeoutMs?: number): Promise<boolean>;
