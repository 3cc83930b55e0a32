import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export interface WrkResult {
  requestsPerSecond: number;
  p99Ms: number;
  /** "all 2xx/3xx", or how many were not. */
  statuses: string;
}

/** "1.23ms", "456.00us", "1.02s" → milliseconds. */
function milliseconds(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!match) throw new Error(`wrk printed a latency it did not explain: ${value}`);
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
  return Math.round(Number(match[1]) * scale * 10) / 10;
}

/**
 * Debian's wrk against one URL (a Lua `script` may vary the requests): a warm-up of the same
 * length first, then the measured run; its requests a second and 99th percentile latency.
 */
export async function runWrk({ url, connections, threads, durationSeconds, script }: { url: string; connections: number; threads: number; durationSeconds: number; script?: string }): Promise<WrkResult> {
  const folder = mkdtempSync(path.join(tmpdir(), "wrk-"));
  try {
    const args = [`-t${threads}`, `-c${connections}`, `-d${durationSeconds}s`, "--latency", "--timeout", "10s"];
    if (script) {
      const file = path.join(folder, "requests.lua");
      writeFileSync(file, script);
      args.push("-s", file);
    }
    const run = () => promisify(execFile)("wrk", [...args, url], { maxBuffer: 1 << 20 });
    await run();
    const { stdout } = await run();
    const requestsPerSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
    const p99 = /^\s+99%\s+(\S+)/m.exec(stdout)?.[1];
    if (!requestsPerSecond || !p99) throw new Error(`wrk printed what this did not expect:\n${stdout}`);
    const failed = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1];
    return { requestsPerSecond, p99Ms: milliseconds(p99), statuses: failed ? `${failed} not 2xx/3xx` : "all 2xx/3xx" };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
