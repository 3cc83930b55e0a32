import os from "node:os";
import type { LoadResult } from "./load";
import { alignedTable, count, ms } from "./numbers";
import type { BenchOptions } from "./options";
import type { Target } from "./pages";
import type { BenchDataSize } from "./seed";

export interface PageRun {
  name: string;
  path: string;
  target?: Target;
  load: LoadResult;
  peakRssBytes: number;
}

const MB = 1024 * 1024;

export function describeMachine(): string {
  const cpus = os.cpus();
  return (
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${os.loadavg()[0]!.toFixed(2)} before the run`
  );
}

export function describeData(size: BenchDataSize): string {
  return (
    `Data: ${count(size.posts)} posts, ${count(size.comments)} comments, ${size.labels} labels, ${size.users} users; ` +
    `database ${Math.round(size.databaseBytes / MB)} MB`
  );
}

export function describeLoad(options: BenchOptions): string {
  return (
    `Load: ${options.connections} keep-alive connections per page, ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s measured, ` +
    `from a separate process on the same machine (it shares the CPU with the server)`
  );
}

/** One row per page, the static copy first; throughput also as a ratio to the static copy's. */
export function formatTable(staticRun: PageRun, runs: PageRun[]): string {
  const header = ["page", "URL", "req/s", "p50 ms", "p99 ms", "non-2xx", "errors", "KB/resp", "peak RSS MB", "vs static"];
  const rows = [staticRun, ...runs].map((run) => [
    run.name,
    run.path,
    count(run.load.requestsPerSecond),
    ms(run.load.p50Ms),
    ms(run.load.p99Ms),
    describeNon2xx(run.load),
    count(run.load.errors),
    (run.load.meanResponseBytes / 1024).toFixed(1),
    count(run.peakRssBytes / MB),
    staticRun.load.requestsPerSecond > 0 ? `${(run.load.requestsPerSecond / staticRun.load.requestsPerSecond).toFixed(2)}x` : "-",
  ]);
  return alignedTable(header, rows, 2);
}

// "0", or "21,034 (404)": which statuses, so a page that does not exist yet is plain to see.
function describeNon2xx(load: LoadResult): string {
  if (load.non2xx === 0) return "0";
  const statuses = Object.keys(load.statuses).filter((status) => Number(status) < 200 || Number(status) > 299);
  return `${count(load.non2xx)} (${statuses.join(", ")})`;
}

/** The reader issue's targets, page by page: met or not, with the numbers. Never throws. */
export function formatTargets(runs: PageRun[]): string {
  const lines = ["Targets (reader issue):"];
  for (const run of runs) {
    const { target, load } = run;
    if (!target) continue;
    const wanted = `>= ${count(target.minRequestsPerSecond)} req/s${target.maxP99Ms === undefined ? "" : `, p99 < ${target.maxP99Ms} ms`}`;
    const got = `${count(load.requestsPerSecond)} req/s, p99 ${ms(load.p99Ms)} ms`;
    lines.push(`  ${run.name.padEnd(24)} ${wanted.padEnd(32)} got ${got.padEnd(28)} ${verdict(target, load)}`);
  }
  return lines.join("\n");
}

function verdict(target: Target, load: LoadResult): string {
  // A fast 404 is not a fast page.
  if (load.non2xx > 0 || load.errors > 0 || load.responses === 0) return "NOT MET (not every response was a 2xx)";
  const fastEnough = load.requestsPerSecond >= target.minRequestsPerSecond;
  const steadyEnough = target.maxP99Ms === undefined || load.p99Ms < target.maxP99Ms;
  if (fastEnough && steadyEnough) return "met";
  return `NOT MET (${[!fastEnough && "throughput", !steadyEnough && "p99"].filter(Boolean).join(" and ")})`;
}
