import { parseArgs } from "node:util";
import { numberOption } from "../bench/options";

export interface SoakOptions {
  durationSeconds: number;
  connections: number;
}

export const usage = `Usage: npm run soak -- [--duration 300] [--connections 16]
  --duration     seconds of mixed load
  --connections  concurrent simulated clients, each waiting for its answer before the next request`;

/** The command line, checked before anything starts. */
export function parseSoakOptions(argv: string[]): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string", default: "300" },
      connections: { type: "string", default: "16" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return {
    durationSeconds: numberOption("duration", values.duration, { integer: false, min: 5 }, usage),
    connections: numberOption("connections", values.connections, { integer: true, min: 1 }, usage),
  };
}
