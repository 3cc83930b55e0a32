// The load generator's own process, forked by load.ts: `connections` keep-alive connections, each
// sending its next request as soon as the last one is answered, for the warm-up and then the
// measured window. Nothing outlives the window by more than one request timeout.
import http from "node:http";
import { requestHeaders, type LoadJob, type LoadResult } from "./load";
import { percentile } from "./numbers";

const PAUSE_AFTER_ERROR_MS = 10;

type Outcome = { status: number; bytes: number } | { error: string };

process.once("message", (job: LoadJob) => {
  void generateLoad(job).then((result) => process.send!(result, () => process.exit(0)));
});
// The parent went away (Ctrl-C, a crash): stop at once rather than keep loading the server.
process.once("disconnect", () => process.exit(1));

async function generateLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const url = new URL(job.url);
  const measureFrom = performance.now() + job.warmupMs;
  const stopAt = measureFrom + job.durationMs;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let bytes = 0;

  async function connection() {
    while (performance.now() < stopAt) {
      const sentAt = performance.now();
      const outcome = await get(agent, url, job.requestTimeoutMs);
      const answeredAt = performance.now();
      // Only requests sent after the warm-up and answered inside the window count, so the rate
      // is responses per measured second and no latency straddles the window's edges.
      const measured = sentAt >= measureFrom && answeredAt <= stopAt;
      if ("error" in outcome) {
        if (measured) errors += 1;
        firstError ??= outcome.error;
        await new Promise((resolve) => setTimeout(resolve, PAUSE_AFTER_ERROR_MS));
        continue;
      }
      if (!measured) continue;
      latencies.push(answeredAt - sentAt);
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      bytes += outcome.bytes;
    }
  }

  await Promise.all(Array.from({ length: job.connections }, connection));
  agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const non2xx = Object.entries(statuses)
    .filter(([status]) => Number(status) < 200 || Number(status) > 299)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    responses: sorted.length,
    requestsPerSecond: sorted.length / (job.durationMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    statuses,
    non2xx,
    errors,
    firstError,
    meanResponseBytes: sorted.length ? bytes / sorted.length : 0,
  };
}

/** One GET, its body read to the end (a keep-alive socket is reusable only then). */
function get(agent: http.Agent, url: URL, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers: requestHeaders }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on("error", (error) => resolve({ error: error.message }));
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no response within ${timeoutMs} ms`)));
    request.on("error", (error) => resolve({ error: error.message }));
  });
}
