// `npm run bench:read`: seeds a large blog into a throwaway PostgreSQL, builds and serves the
// production app, and measures reader pages under concurrent load. See README "Benchmark".
import "./lib/bench/dist-dir"; // First: sets LONGHAND_DIST_DIR before scripts/lib/paths.ts reads it.
import { benchAppEnv, buildBenchApp, serverLogFile, startWebServer } from "./lib/bench/app-server";
import { benchDistDir } from "./lib/bench/dist-dir";
import { runLoad, type LoadResult } from "./lib/bench/load";
import { parseBenchOptions, type BenchOptions } from "./lib/bench/options";
import { findBenchPages, type BenchPage } from "./lib/bench/pages";
import { stopProcessTree, watchPeakRss } from "./lib/bench/process-tree";
import { describeData, describeLoad, describeMachine, formatTable, formatTargets, type PageRun } from "./lib/bench/report";
import { seedBenchData } from "./lib/bench/seed";
import { captureResponse, startStaticCopy } from "./lib/bench/static-copy";
import { startThrowawayPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrator";
import { findFreePort } from "./lib/net";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { createStops, step } from "./lib/run-steps";

// A request unanswered for this long counts as an error; it also bounds how long a page's run can overrun.
const REQUEST_TIMEOUT_MS = 10_000;

const stops = createStops();

async function measure(options: BenchOptions, page: BenchPage, url: string, serverPid: number): Promise<PageRun> {
  process.stdout.write(`Loading ${page.name} (${page.path}) for ${options.warmupSeconds} + ${options.durationSeconds} s... `);
  const memory = watchPeakRss(serverPid);
  let load: LoadResult;
  let peakRssBytes: number;
  try {
    load = await runLoad({
      url,
      connections: options.connections,
      warmupMs: options.warmupSeconds * 1000,
      durationMs: options.durationSeconds * 1000,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
  } finally {
    peakRssBytes = memory.stop();
  }
  console.log(`${Math.round(load.requestsPerSecond)} req/s${load.firstError ? ` (errors, first: ${load.firstError})` : ""}`);
  return { ...page, load, peakRssBytes };
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  const machine = describeMachine(); // Before we add any load of our own.
  ensurePrismaClient();

  const database = await step("Starting a throwaway PostgreSQL", () => startThrowawayPostgres("longhand_bench"));
  stops.push(() => database.stop());
  await step("Applying migrations", () => applyMigrations({ databaseUrl: database.url, migrationsDir }));
  const size = await step(`Seeding ${options.posts} posts with ${options.posts * 10} comments`, () =>
    seedBenchData(database.url, { posts: options.posts }),
  );
  const pages = await findBenchPages(database.url);

  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = benchAppEnv({ databaseUrl: database.url, origin });
  console.log(`Building the production app into ${benchDistDir}:`);
  await buildBenchApp(env);
  const server = await step(`Starting the web server on ${origin} (its output: ${serverLogFile})`, () => startWebServer(env, port));
  stops.push(() => stopProcessTree(server));

  const home = await captureResponse(`${origin}/`);
  if (home.status !== 200) console.warn(`Warning: the home page answered ${home.status}; the static copy serves that response.`);
  const staticCopy = await step("Starting the static copy of the home page", () => startStaticCopy(home));
  stops.push(() => stopProcessTree(staticCopy.process));

  const staticRun = await measure(options, { name: "static copy of home", path: "/" }, staticCopy.url, staticCopy.process.pid!);
  const runs: PageRun[] = [];
  for (const page of pages) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the web server stopped during the run; see ${serverLogFile}`);
    runs.push(await measure(options, page, `${origin}${page.path}`, server.pid!));
  }

  console.log(`\n${machine}\n${describeData(size)}\n${describeLoad(options)}\n`);
  console.log(formatTable(staticRun, runs));
  console.log(`\n${formatTargets(runs)}`);
}

try {
  await main();
} catch (error) {
  // Once Ctrl-C has started stopping everything, what broke is only the consequence.
  if (!stops.stopping) console.error(`\nThe benchmark stopped: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await stops.stopEverything();
}
