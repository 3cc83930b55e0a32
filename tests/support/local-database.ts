import { hostname } from "node:os";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Tests create and drop databases: they must never be pointed at anything but this machine. */
export function assertLocalDatabaseUrl(url: string, variable: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && host !== hostname()) {
    throw new Error(`${variable} points at ${host}; the tests only run against a PostgreSQL on this machine.`);
  }
}
