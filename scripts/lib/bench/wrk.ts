import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface WrkRun {
  url: string;
  threads: number;
  connections: number;
  seconds: number;
  /** wrk Lua defining request() (and setup() if it needs one), so each request can differ. */
  requestScript?: string;
}

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p99Ms: number;
  /** Responses with a status of 400 or more (wrk's "Non-2xx or 3xx responses"). */
  non2xx3xx: number;
  /** Connect, read and write errors, and requests unanswered within the timeout. */
  errors: number;
  bytes: number;
}

// Plain requests with no Accept-Encoding, so responses are uncompressed (in a deployment the
// reverse proxy compresses); a browser-like Accept keeps Next.js on its HTML path.
export const requestHeaders = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "user-agent": "longhand-bench" };

const reportScript = fileURLToPath(new URL("./wrk-report.lua", import.meta.url));
const REQUEST_TIMEOUT = "10s";
const MARK = "LONGHAND_WRK ";

/** Stops the run before anything starts when wrk is not installed, saying how to get it. */
export function requireWrk(): void {
  const probe = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (probe.error) {
    throw new Error("wrk is not installed (the benchmark's load generator). On Debian or Ubuntu: sudo apt-get install wrk");
  }
}

/**
 * One wrk run against one URL; its summary comes from wrk-report.lua's JSON line. wrk takes one
 * script, so a request script is written to a temp file together with the report's done().
 */
export async function runWrk({ requestScript, ...run }: WrkRun): Promise<WrkResult> {
  if (!requestScript) return runWrkScript(run, reportScript);
  const folder = mkdtempSync(path.join(tmpdir(), "longhand-wrk-"));
  try {
    const script = path.join(folder, "requests.lua");
    writeFileSync(script, `${requestScript}\n${readFileSync(reportScript, "utf8")}`);
    return await runWrkScript(run, script);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function runWrkScript({ url, threads, connections, seconds }: WrkRun, script: string): Promise<WrkResult> {
  const headers = Object.entries(requestHeaders).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, `--timeout`, REQUEST_TIMEOUT, "-s", script, ...headers, url];
  const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const line = output.split("\n").find((text) => text.startsWith(MARK));
  if (code !== 0 || !line) throw new Error(`wrk ${args.join(" ")} failed (exit code ${code}): ${output.trim()}`);
  const summary = JSON.parse(line.slice(MARK.length)) as {
    requests: number;
    durationUs: number;
    bytes: number;
    p99Us: number;
    socketErrors: number;
    non2xx3xx: number;
    timeouts: number;
  };
  const measuredSeconds = summary.durationUs / 1e6;
  return {
    requests: summary.requests,
    seconds: measuredSeconds,
    requestsPerSecond: summary.requests / measuredSeconds,
    p99Ms: summary.p99Us / 1000,
    non2xx3xx: summary.non2xx3xx,
    errors: summary.socketErrors + summary.timeouts,
    bytes: summary.bytes,
  };
}

/** Several runs against one target as one: their requests over their time, and the worst p99 of them. */
export function combineRuns(runs: WrkResult[]): WrkResult {
  const sum = (pick: (run: WrkResult) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const seconds = sum((run) => run.seconds);
  return {
    requests: sum((run) => run.requests),
    seconds,
    requestsPerSecond: sum((run) => run.requests) / seconds,
    p99Ms: Math.max(...runs.map((run) => run.p99Ms)),
    non2xx3xx: sum((run) => run.non2xx3xx),
    errors: sum((run) => run.errors),
    bytes: sum((run) => run.bytes),
  };
}
