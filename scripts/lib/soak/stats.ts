import { alignedTable, count, ms, percentile } from "../bench/numbers";
import type { Outcome } from "./browser";

/** Every kind of request the soak sends, in the order the report lists them. */
export const REQUEST_KINDS = [
  "GET cached page",
  "GET search",
  "GET feed",
  "GET post page to write on",
  "GET /api/viewer",
  "GET dashboard editor",
  "GET /api/auth/csrf",
  "POST sign-in",
  "POST comment",
  "POST reply",
  "POST same comment again",
  "POST retry after no answer",
  "action: edit comment",
  "action: autosave",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

interface KindStats {
  byClass: [number, number, number, number];
  rateLimited: number;
  errors: number;
  latencies: number[];
  firstError?: string;
  /** A few server errors, for the report: status, path. */
  serverErrors: string[];
}

/** Per kind of request: statuses by class, refusals for a rate limit, requests with no answer, latency. */
export class RequestStats {
  private readonly kinds = new Map<RequestKind, KindStats>();

  record(kind: RequestKind, path: string, outcome: Outcome, { rateLimited = false } = {}): void {
    const stats = this.of(kind);
    stats.latencies.push(outcome.ms);
    if (!("status" in outcome)) {
      stats.errors += 1;
      stats.firstError ??= outcome.error;
      return;
    }
    const statusClass = Math.floor(outcome.status / 100) - 2;
    if (statusClass >= 0 && statusClass <= 3) stats.byClass[statusClass]! += 1;
    if (rateLimited) stats.rateLimited += 1;
    if (outcome.status >= 500 && stats.serverErrors.length < 5) stats.serverErrors.push(`${outcome.status} ${path}`);
  }

  get total(): number {
    return [...this.kinds.values()].reduce((sum, stats) => sum + stats.latencies.length, 0);
  }

  get serverErrors(): number {
    return [...this.kinds.values()].reduce((sum, stats) => sum + stats.byClass[3], 0);
  }

  get noAnswers(): number {
    return [...this.kinds.values()].reduce((sum, stats) => sum + stats.errors, 0);
  }

  table(): string {
    const header = ["request", "count", "2xx", "3xx", "4xx", "5xx", "rate-limited", "no answer", "p50 ms", "p99 ms"];
    const rows = REQUEST_KINDS.filter((kind) => this.kinds.has(kind)).map((kind) => {
      const stats = this.kinds.get(kind)!;
      const sorted = Float64Array.from(stats.latencies).sort();
      return [
        kind,
        count(sorted.length),
        ...stats.byClass.map(count),
        count(stats.rateLimited),
        count(stats.errors),
        ms(percentile(sorted, 0.5)),
        ms(percentile(sorted, 0.99)),
      ];
    });
    return alignedTable(header, rows, 1);
  }

  /** What went wrong, by kind: the first error without an answer, and the first few 5xx. */
  problems(): string[] {
    return REQUEST_KINDS.flatMap((kind) => {
      const stats = this.kinds.get(kind);
      if (!stats) return [];
      return [
        ...(stats.firstError ? [`${kind}: no answer (first: ${stats.firstError})`] : []),
        ...stats.serverErrors.map((error) => `${kind}: ${error}`),
      ];
    });
  }

  private of(kind: RequestKind): KindStats {
    let stats = this.kinds.get(kind);
    if (!stats) {
      stats = { byClass: [0, 0, 0, 0], rateLimited: 0, errors: 0, latencies: [], serverErrors: [] };
      this.kinds.set(kind, stats);
    }
    return stats;
  }
}
