import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";

// One client per process; in development, hot reloads would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient<"query"> };

// Query events let the tests count the queries a page makes (they must not grow with the data).
export const db =
  globalForPrisma.prisma ??
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: config().DATABASE_URL }),
    log: [{ emit: "event", level: "query" }],
  });

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
