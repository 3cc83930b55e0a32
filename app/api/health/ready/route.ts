import path from "node:path";
import { connection } from "next/server";
import { config } from "@/lib/config";
import { fastPathIsOn } from "@/lib/fast-path-status.mjs";
import { checkReadiness } from "@/lib/health";

// Short enough for a load balancer's probe; the blog's own queries take milliseconds.
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Readiness: 200 when this server can serve (the database answers, its migrations are all
 * applied, the fast path is on), else 503 naming the check that failed. Nothing from the
 * database's errors is passed on: the answer is public.
 */
export async function GET() {
  await connection();
  const readiness = await checkReadiness({
    databaseUrl: config().DATABASE_URL,
    // The server runs from the project's folder (relative UPLOADS_DIR relies on it too).
    migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
    fastPathOn: fastPathIsOn(),
    timeoutMs: DATABASE_TIMEOUT_MS,
  });
  return Response.json({ status: readiness.ready ? "ready" : "not ready", checks: readiness.checks }, { status: readiness.ready ? 200 : 503, headers: NEVER_CACHED });
}

// The answer describes this moment: no cache (Next's, the fast path's, a proxy's) may keep it.
const NEVER_CACHED = { "Cache-Control": "no-store" };
