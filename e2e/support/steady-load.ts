import { UPSTREAM_HEADER } from "./nginx";

export interface SteadyLoad {
  answered(): number;
  /** Answers that came from the instance on `port` (by nginx's record of where it sent them). */
  answeredBy(port: number): number;
  /** Stops asking; resolves once every request under way has ended. */
  stop(): Promise<{ failures: string[]; retried: number }>;
}

/**
 * `connections` clients asking nginx for `paths` one after another until stopped: not to measure
 * speed, only to keep requests in flight while an instance stops. Anything but a 200 is a failure.
 */
export function startSteadyLoad(origin: string, paths: string[], connections: number): SteadyLoad {
  let running = true;
  let answered = 0;
  let retried = 0;
  const byPort = new Map<number, number>();
  const failures: string[] = [];
  async function askRepeatedly(first: number) {
    for (let turn = first; running; turn++) {
      const path = paths[turn % paths.length]!;
      try {
        const response = await fetch(origin + path);
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`${path}: ${response.status}`);
        // "127.0.0.1:4001, 127.0.0.1:4002" when nginx went on to a second instance; the last answered.
        const tried = response.headers.get(UPSTREAM_HEADER) ?? "";
        if (tried.includes(",")) retried++;
        const port = Number(tried.split(":").at(-1));
        byPort.set(port, (byPort.get(port) ?? 0) + 1);
        answered++;
      } catch (error) {
        failures.push(`${path}: ${error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error)}`);
      }
    }
  }
  const clients = Array.from({ length: connections }, (_, index) => askRepeatedly(index));
  return {
    answered: () => answered,
    answeredBy: (port) => byPort.get(port) ?? 0,
    async stop() {
      running = false;
      await Promise.all(clients);
      return { failures, retried };
    },
  };
}
