import { fork } from "node:child_process";

export interface LoadJob {
  url: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** A request still unanswered after this long is abandoned and counted as an error. */
  requestTimeoutMs: number;
}

export interface LoadResult {
  /** Responses that started after the warm-up and finished inside the measured window, any status. */
  responses: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Measured responses by status code. */
  statuses: Record<number, number>;
  non2xx: number;
  /** Measured requests that got no response (refused, reset, timed out). */
  errors: number;
  firstError?: string;
  meanResponseBytes: number;
}

// Plain node:http with no Accept-Encoding: responses are uncompressed, as they reach a reverse
// proxy that compresses them. A browser-like Accept keeps Next.js on its HTML path.
export const requestHeaders = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "user-agent": "longhand-bench" };

const generatorScript = new URL("./load-generator.ts", import.meta.url);

/**
 * Drives load at one URL from a separate process (see load-generator.ts), so the requests never
 * share an event loop with the server or with this process's memory sampling.
 */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  // tsx's loader is in process.execArgv, which fork() passes on: the child runs TypeScript too.
  const child = fork(generatorScript, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  // The generator stops by itself; this only catches one that hangs.
  const deadlineMs = job.warmupMs + job.durationMs + job.requestTimeoutMs + 15_000;
  return new Promise<LoadResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the load generator for ${job.url} did not finish within ${deadlineMs / 1000} s`));
    }, deadlineMs);
    child.once("message", (result: LoadResult) => {
      clearTimeout(timer);
      resolve(result);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the load generator for ${job.url} exited (${signal ?? `exit code ${code}`}) without a result`));
    });
    child.once("error", reject);
    child.send(job);
  });
}
