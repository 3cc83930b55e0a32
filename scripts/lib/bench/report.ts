import os from "node:os";
import type { CapturedPage } from "./capture";
import { count, markdownTable, ms } from "./numbers";
import type { BenchOptions } from "./options";
import type { BenchPage, PageKind } from "./pages";
import type { BenchDataSize } from "./seed";
import type { WrkResult } from "./wrk";

export interface PageResult {
  page: BenchPage;
  captured: CapturedPage;
  server: WrkResult;
  nginx: WrkResult;
  /** X-Longhand-Cache right after the load: HIT when the page came from the page cache. */
  cacheAfterLoad: string;
}

export interface SizeResult {
  size: BenchDataSize;
  pages: PageResult[];
}

export interface Verdict {
  pass: boolean;
  text: string;
}

/** The targets: the server's throughput as a share of nginx's on the same bytes, in the same run. */
export const MIN_SHARE_OF_NGINX: Record<PageKind, number> = { "cached page": 0.5, feed: 0.5, "repeated search": 0.25, "200 comments": 0.15 };
/** From the smallest blog to the biggest, a page's throughput may drop by at most this factor. */
export const MAX_GROWTH_COST = 1.2;

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
    `Load: wrk -t${options.threads} -c${options.connections} on the same machine; per page ${options.warmupSeconds} s warm-up on each, ` +
    `then ${options.rounds} x ${options.durationSeconds} s against nginx and the server alternately (req/s over all rounds, the worst round's p99)`
  );
}

function shareVerdict(result: PageResult): Verdict {
  const { captured, server } = result;
  // A fast error page is not a fast page.
  if (captured.status !== 200) return { pass: false, text: `FAIL (answered ${captured.status})` };
  if (server.non2xx3xx > 0 || server.errors > 0 || server.requests === 0) {
    return { pass: false, text: `FAIL (${count(server.non2xx3xx)} error statuses, ${count(server.errors)} failed requests)` };
  }
  // wrk counts headers too, so a full answer is never shorter than the body kept for nginx.
  if (server.bytes / server.requests < captured.body.length) return { pass: false, text: "FAIL (shorter answers under load)" };
  const pass = server.requestsPerSecond >= MIN_SHARE_OF_NGINX[result.page.kind] * result.nginx.requestsPerSecond;
  return { pass, text: pass ? "pass" : "FAIL" };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One row per page at one blog size; the verdicts, for the exit code. */
export function formatSizeTable({ pages }: SizeResult): { table: string; verdicts: Verdict[] } {
  const verdicts = pages.map(shareVerdict);
  const header = ["page", "URL", "cache", "bytes", "req/s", "p99 ms", "nginx req/s", "nginx p99 ms", "ratio", "target", "result"];
  const rows = pages.map((result, index) => [
    result.page.name,
    result.captured.path,
    result.cacheAfterLoad,
    count(result.captured.body.length),
    count(result.server.requestsPerSecond),
    ms(result.server.p99Ms),
    count(result.nginx.requestsPerSecond),
    ms(result.nginx.p99Ms),
    percent(result.server.requestsPerSecond / result.nginx.requestsPerSecond),
    `>= ${percent(MIN_SHARE_OF_NGINX[result.page.kind])}`,
    verdicts[index]!.text,
  ]);
  return { table: markdownTable(header, rows, 3), verdicts };
}

/** Each page's throughput on the smallest blog against the biggest, matched by page name. */
export function formatGrowthTable(small: SizeResult, big: SizeResult): { table: string; verdicts: Verdict[] } {
  const verdicts: Verdict[] = [];
  const rows = small.pages.flatMap((before) => {
    const after = big.pages.find((result) => result.page.name === before.page.name);
    if (!after) return [];
    const cost = before.server.requestsPerSecond / after.server.requestsPerSecond;
    const pass = cost <= MAX_GROWTH_COST;
    verdicts.push({ pass, text: pass ? "pass" : "FAIL" });
    return [
      [
        before.page.name,
        count(before.server.requestsPerSecond),
        count(after.server.requestsPerSecond),
        Number.isFinite(cost) ? `${cost.toFixed(2)}x` : "-",
        `<= ${MAX_GROWTH_COST.toFixed(1)}x`,
        pass ? "pass" : "FAIL",
      ],
    ];
  });
  const header = ["page", `req/s at ${count(small.size.posts)}`, `req/s at ${count(big.size.posts)}`, "cost", "target", "result"];
  return { table: markdownTable(header, rows, 1), verdicts };
}
