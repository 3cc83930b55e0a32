import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A process and all its descendants, from /proc (Linux): the server may fork workers of its own. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentPid(Number(entry));
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

// /proc/<pid>/stat is "pid (comm) state ppid ...", and comm may itself hold spaces and parentheses.
function parentPid(pid: number): number | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** Resident memory of one process in bytes; 0 once it has gone. */
function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readProc(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) * 1024 : 0;
}

// A process can exit between listing /proc and reading its files.
function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Samples the summed RSS of a process tree every `intervalMs` until stopped, and returns the peak.
 * Summed RSS counts pages shared between the processes once per process: an upper bound.
 */
export function watchPeakRss(rootPid: number, intervalMs = 100): { stop(): number } {
  const sample = () => processTree(rootPid).reduce((sum, pid) => sum + residentBytes(pid), 0);
  let peak = sample();
  const timer = setInterval(() => (peak = Math.max(peak, sample())), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, sample());
    },
  };
}

/** SIGTERM to a child we started; after `graceMs`, SIGKILL to it and whatever it had started. */
export async function stopProcessTree(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  // Listed before the child exits: its orphans are re-parented and no longer found under it.
  const tree = processTree(child.pid);
  const timedOut = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(resolve, graceMs, true);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.kill("SIGTERM");
  });
  for (const pid of timedOut ? tree : tree.slice(1)) {
    try {
      process.kill(pid, timedOut ? "SIGKILL" : "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}
