import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";
import { noteIfDatabaseUnavailable } from "@/lib/database-outage.mjs";

// One client per process; in development, hot reloads would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient<"query"> };

// Every wait on the database is bounded, so a database that stops answering (or a network that
// drops its packets) fails requests within seconds instead of holding them open: a connection is
// given 5 s to open, a statement 8 s on the server, and an answer 10 s on our side (for when the
// server cannot even say it gave up; a request making two queries then still ends within 25 s).
// The blog's statements take milliseconds. Keepalive finds connections a vanished server left
// half-open; idle ones are closed after 30 s, so a restarted server gets fresh ones.
const CONNECTION_LIMITS = {
  connectionTimeoutMillis: 5_000,
  statement_timeout: 8_000,
  query_timeout: 10_000,
  idle_in_transaction_session_timeout: 10_000,
  idleTimeoutMillis: 30_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
};

// A connection the server closes (PostgreSQL stopping) is reported here rather than to a query:
// it starts the outage window the web server answers 503 in (lib/database-outage-answer.mjs).
function noteConnectionError(error: Error) {
  if (noteIfDatabaseUnavailable(error)) console.error(`Database connection lost: ${error.message}`);
  else console.error("Database connection error", error);
}

// Query events let the tests count the queries a page makes (they must not grow with the data).
export const db =
  globalForPrisma.prisma ??
  new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: config().DATABASE_URL, ...CONNECTION_LIMITS },
      { onPoolError: noteConnectionError, onConnectionError: noteConnectionError },
    ),
    log: [{ emit: "event", level: "query" }],
  });

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
