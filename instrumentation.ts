import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { noteIfDatabaseUnavailable } from "@/lib/database-outage.mjs";

// How soon a scheduled post shows everywhere after its time (reader lists also refill by
// themselves within a minute: README, "How a request flows").
const PUBLISH_DUE_EVERY_MS = 5_000;
// How soon a comment's notices go out (lib/notifications/queue.ts).
const SEND_NOTICES_EVERY_MS = 5_000;

// Next runs this once per server process, whether under server.mjs, `next start` or `next dev`,
// so every deployment has the scheduler and the mail worker and no script must remember to start
// them. Each server asks itself over loopback, because cache tags can only be expired inside a
// request; which server publishes, or sends a notice, is settled in PostgreSQL
// (lib/posts/scheduled.ts, lib/notifications/queue.ts).
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return;
  repeat({ path: "/api/internal/publish-due", everyMs: PUBLISH_DUE_EVERY_MS, name: "Scheduled posts check", secret });
  repeat({ path: "/api/internal/send-notices", everyMs: SEND_NOTICES_EVERY_MS, name: "Sending comment notices", secret });
}

/** Posts to one of the server's internal routes on a timer, a round at a time. */
function repeat({ path, everyMs, name, secret }: { path: string; everyMs: number; name: string; secret: string }) {
  const address = new URL(path, ownAddress());
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    fetch(address, { method: "POST", headers: { authorization: `Bearer ${secret}` } })
      .then((response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
      })
      .catch((error: unknown) => console.error(`${name} failed: ${String(error)}`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
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
