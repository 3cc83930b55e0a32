import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Blog sizes to measure, each seeded and built in turn; the first and last are compared. */
  sizes: number[];
  threads: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
}

export const usage = `Usage: npm run bench:read -- [--quick] [--posts 1000,100000] [--duration 5] [--rounds 2] [--warmup 2] [--threads 2] [--connections 16]
  --quick        1,000 posts only, 1 round of 2 s after 1 s of warm-up: a fast look (flags after it still apply)
  --posts        blog sizes to seed and measure, comma-separated (10 comments per post on average; at least 3)
  --duration     seconds per wrk run
  --rounds       wrk runs per page against each of nginx and the server, alternating
  --warmup       seconds of load on each before measuring a page
  --threads      wrk threads (-t)
  --connections  wrk keep-alive connections (-c)`;

const QUICK = { posts: "1000", duration: "2", rounds: "1", warmup: "1" };

/** The command line, checked: a typo stops the run before it starts a database or a build. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      posts: { type: "string" },
      duration: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      threads: { type: "string", default: "2" },
      connections: { type: "string", default: "16" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const defaults = values.quick ? QUICK : { posts: "1000,100000", duration: "5", rounds: "2", warmup: "2" };
  const threads = numberOption("threads", values.threads, { integer: true, min: 1 });
  return {
    sizes: (values.posts ?? defaults.posts).split(",").map((size) => numberOption("posts", size.trim(), { integer: true, min: 3 })),
    threads,
    connections: numberOption("connections", values.connections, { integer: true, min: threads }),
    warmupSeconds: numberOption("warmup", values.warmup ?? defaults.warmup, { integer: true, min: 0 }),
    durationSeconds: numberOption("duration", values.duration ?? defaults.duration, { integer: true, min: 1 }),
    rounds: numberOption("rounds", values.rounds ?? defaults.rounds, { integer: true, min: 1 }),
  };
}

/** A numeric flag's value, checked; a bad one stops the run with the command's usage. */
export function numberOption(name: string, text: string, { integer, min }: { integer: boolean; min: number }, usageText = usage): number {
  const value = Number(text);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min) {
    throw new Error(`--${name} must be ${integer ? "a whole number" : "a number"} of at least ${min}, not "${text}".\n${usageText}`);
  }
  return value;
}
