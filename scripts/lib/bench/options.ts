import { parseArgs } from "node:util";

export interface BenchOptions {
  posts: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export const usage = `Usage: npm run bench:read -- [--posts 10000] [--connections 16] [--warmup 3] [--duration 10]
  --posts        posts to seed (10 comments each on average; at least 3)
  --connections  concurrent keep-alive connections per page
  --warmup       seconds of load before measuring each page
  --duration     seconds measured per page`;

/** The command line, checked: a typo stops the run before it starts a database or a build. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      posts: { type: "string", default: "10000" },
      connections: { type: "string", default: "16" },
      warmup: { type: "string", default: "3" },
      duration: { type: "string", default: "10" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return {
    posts: numberOption("posts", values.posts, { integer: true, min: 3 }),
    connections: numberOption("connections", values.connections, { integer: true, min: 1 }),
    warmupSeconds: numberOption("warmup", values.warmup, { integer: false, min: 0 }),
    durationSeconds: numberOption("duration", values.duration, { integer: false, min: 0.5 }),
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
