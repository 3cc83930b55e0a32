import pg from "pg";

export interface ScheduledPostsWatch {
  stop(): Promise<void>;
}

/**
 * Watches for scheduled posts coming due and tells the running server to drop its cached reader
 * pages when one does (POST /api/internal/publish-due). Not a cron job: part of `npm start`, one
 * indexed query every few seconds.
 */
export async function watchScheduledPosts(options: {
  databaseUrl: string;
  serverUrl: string;
  secret: string;
  intervalMs?: number;
  log?: (line: string) => void;
}): Promise<ScheduledPostsWatch> {
  const { databaseUrl, serverUrl, secret, intervalMs = 5_000, log = () => {} } = options;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  // From the beginning of time on the first check: posts that came due while the server was down.
  let since = new Date(0);
  let running: Promise<void> = Promise.resolve();

  const check = async () => {
    const until = new Date();
    const due = await pool.query<{ count: string }>(
      `SELECT count(*) FROM "Post"
        WHERE "status" = 'SCHEDULED' AND "trashedAt" IS NULL AND "publishedAt" > $1 AND "publishedAt" <= $2`,
      [since, until],
    );
    if (Number(due.rows[0]?.count) > 0) {
      const response = await fetch(new URL("/api/internal/publish-due", serverUrl), {
        method: "POST",
        headers: { authorization: `Bearer ${secret}` },
      });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
    }
    since = until;
  };
  const timer = setInterval(() => {
    running = running.then(check).catch((error: unknown) => log(`Scheduled posts check failed: ${String(error)}`));
  }, intervalMs);

  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
