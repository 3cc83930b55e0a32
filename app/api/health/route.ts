import { connection } from "next/server";

/**
 * Liveness: the process answers requests. It asks nothing of the database, so a supervisor does
 * not restart a healthy server because PostgreSQL is down (readiness, /api/health/ready, says that).
 */
export async function GET() {
  // Rendered per request, never prerendered into a cached answer.
  await connection();
  return Response.json({ status: "live" }, { headers: NEVER_CACHED });
}

// The answer describes this moment: no cache (Next's, the fast path's, a proxy's) may keep it.
const NEVER_CACHED = { "Cache-Control": "no-store" };
