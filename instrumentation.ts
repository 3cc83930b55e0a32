import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { noteIfDatabaseUnavailable } from "@/lib/database-outage.mjs";

// How soon a scheduled post shows everywhere after its time (reader lists also refill by
// themselves within a minute: README, "How a request flows").
const PUBLISH_DUE_EVERY_MS = 5_000;

// Next runs this once per server process, whether under server.mjs, `next start` or `next dev`,
// so every deployment has the scheduler and no script must remember to start it. Each server
// asks itself over loopback, because cache tags can only be expired inside a request; which
// server publishes is settled in PostgreSQL (lib/posts/scheduled.ts).
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return;
  const publishDue = new URL("/api/internal/publish-due", ownAddress());
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    fetch(publishDue, { method: "POST", headers: { authorization: `Bearer ${secret}` } })
      .then((response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
      })
      .catch((error: unknown) => console.error(`Scheduled posts check failed: ${String(error)}`))
      .finally(() => {
        running = false;
      });
  }, PUBLISH_DUE_EVERY_MS);
  // The timer alone must not keep a stopping server alive.
  timer.unref();
}

/** This server over loopback when it listens on every interface (HOST and PORT as server.mjs and `next start` set them). */
function ownAddress(): string {
  const host = process.env.HOST || "127.0.0.1";
  const port = process.env.PORT || "3000";
  if (host === "0.0.0.0") return `http://127.0.0.1:${port}`;
  if (host === "::") return `http://[::1]:${port}`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

// Next reports here every error a page, route or action throws while rendering. One that says the
// database cannot be reached starts the outage window, in which the web server turns the failed
// page into the blog's 503 (lib/database-outage-answer.mjs) before it is sent.
export function onRequestError(error: unknown) {
  noteIfDatabaseUnavailable(error);
}
