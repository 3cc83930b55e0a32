// Whether an error means "the database cannot be reached", and when that was last seen. Plain
// JavaScript: server.mjs (lib/database-outage-answer.mjs) and Next's bundles (lib/db.ts,
// instrumentation.ts, lib/database-outage-refusal.ts) both load it, each as a copy of its own, so the
// time lives on globalThis, which the whole process shares.

import net from "node:net";

const LAST_SEEN = Symbol.for("longhand.databaseUnavailableAt");

/** How long after the last sign of an outage a failed page is taken to be the outage's doing. */
const OUTAGE_WINDOW_MS = 30_000;
/** What a 503 tells clients to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;

// Node socket errors, PostgreSQL's SQLSTATEs for a lost or refused connection (class 08, the
// server shutting down or starting up 57P01-57P03, too many connections 53300) and Prisma's
// codes for the same (P1001 cannot reach, P1002 and P1008 timed out, P1017 connection closed,
// P2024 no connection free in time).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
// What the driver adapter calls the same failures (@prisma/adapter-pg's DriverAdapterError kinds).
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres throws these as plain Errors, without a code.
const UNAVAILABLE_MESSAGE =
  /Can't reach database server|Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error/i;

/** True when the error, or anything it wraps, says the database is unreachable (not a bad query). */
export function isDatabaseUnavailable(error) {
  const seen = new Set();
  const pending = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const code = String(current.code ?? current.originalCode ?? "");
    if (UNAVAILABLE_CODES.has(code) || /^08/.test(code) || UNAVAILABLE_KINDS.has(current.kind)) return true;
    if (typeof current.message === "string" && UNAVAILABLE_MESSAGE.test(current.message)) return true;
    pending.push(current.cause, current.meta?.driverAdapterError, ...(Array.isArray(current.errors) ? current.errors : []));
  }
  return false;
}

function markDatabaseUnavailable(now = Date.now()) {
  globalThis[LAST_SEEN] = now;
}

/** True within OUTAGE_WINDOW_MS of the last sign that the database could not be reached. */
export function databaseRecentlyUnavailable(now = Date.now()) {
  const lastSeen = globalThis[LAST_SEEN];
  return typeof lastSeen === "number" && now - lastSeen < OUTAGE_WINDOW_MS;
}

/** Marks the outage when the error is one, and says whether it was. */
export function noteIfDatabaseUnavailable(error) {
  if (!isDatabaseUnavailable(error)) return false;
  markDatabaseUnavailable();
  return true;
}

/**
 * True when nothing accepts a TCP connection at the database's address within the timeout (the
 * server stopped, or its packets are dropped). For a page that failed before Next reported why.
 */
export function databaseRefusesConnections(databaseUrl, timeoutMs = 1_000) {
  const { hostname, port } = new URL(databaseUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    const answer = (refused) => {
      socket.destroy();
      if (refused) markDatabaseUnavailable();
      resolve(refused);
    };
    socket.setTimeout(timeoutMs, () => answer(true));
    socket.once("connect", () => answer(false));
    socket.once("error", () => answer(true));
  });
}
