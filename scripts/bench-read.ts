// `npm run bench:read`: for each blog size, seeds a throwaway PostgreSQL, builds and serves the
// production app, and loads each reader page with wrk against both the server and nginx serving
// the same bytes from disk. See README "Benchmark".
import "./lib/bench/dist-dir"; // First: sets LONGHAND_DIST_DIR before scripts/lib/paths.ts reads it.
import type { ChildProcess } from "node:child_process";
import { benchAppEnv, buildBenchApp, serverLogFile, startWebServer } from "./lib/bench/app-server";
import { benchDistDir } from "./lib/bench/dist-dir";
import { capturePage, type CapturedPage } from "./lib/bench/capture";
import { requireNginx, startNginx, type StaticServer } from "./lib/bench/nginx";
import { count } from "./lib/bench/numbers";
import { parseBenchOptions, type BenchOptions } from "./lib/bench/options";
import { findBenchPages, type BenchPage } from "./lib/bench/pages";
import { stopProcessTree } from "./lib/bench/process-tree";
import { describeData, describeLoad, describeMachine, formatGrowthTable, formatSizeTable, type PageResult, type SizeResult, type Verdict } from "./lib/bench/report";
import { seedBenchData } from "./lib/bench/seed";
import { combineRuns, requireWrk, runWrk, type WrkResult } from "./lib/bench/wrk";
import { startThrowawayPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrator";
import { findFreePort } from "./lib/net";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { createStops, step } from "./lib/run-steps";

const stops = createStops();
// What one blog size started (database, server, nginx), stopped when that size is done or on Ctrl-C.
const sizeStops: (() => Promise<void>)[] = [];
async function stopSize() {
  for (let stop = sizeStops.pop(); stop; stop = sizeStops.pop()) await stop();
}
stops.push(stopSize);

async function measurePage(options: BenchOptions, serverUrl: string, nginxUrl: string): Promise<{ server: WrkResult; nginx: WrkResult }> {
  const load = (url: string, seconds: number) => runWrk({ url, threads: options.threads, connections: options.connections, seconds });
  if (options.warmupSeconds > 0) {
    await load(serverUrl, options.warmupSeconds);
    await load(nginxUrl, options.warmupSeconds);
  }
  const server: WrkResult[] = [];
  const nginx: WrkResult[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    nginx.push(await load(nginxUrl, options.durationSeconds));
    server.push(await load(serverUrl, options.durationSeconds));
  }
  return { server: combineRuns(server), nginx: combineRuns(nginx) };
}

async function measureSize(options: BenchOptions, nginxBinary: string, posts: number): Promise<SizeResult> {
  console.log(`\n== ${count(posts)} posts ==`);
  const database = await step("Starting a throwaway PostgreSQL", () => startThrowawayPostgres("longhand_bench"));
  sizeStops.push(() => database.stop());
  await step("Applying migrations", () => applyMigrations({ databaseUrl: database.url, migrationsDir }));
  const size = await step(`Seeding ${count(posts)} posts with ${count(posts * 10)} comments`, () => seedBenchData(database.url, { posts }));
  const pages = await findBenchPages(database.url);

  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = benchAppEnv({ databaseUrl: database.url, origin });
  console.log(`Building the production app into ${benchDistDir}:`);
  await buildBenchApp(env);
  const server = await step(`Starting the web server on ${origin} (its output: ${serverLogFile})`, () => startWebServer(env, port));
  sizeStops.push(() => stopProcessTree(server));

  const captured = await step("Fetching each page for nginx", () => captureAll(origin, pages));
  const nginx: StaticServer = await step("Starting nginx on the same bytes", () => startNginx(nginxBinary, captured));
  sizeStops.push(() => nginx.stop());

  const results: PageResult[] = [];
  for (const [index, page] of pages.entries()) {
    stopIfGone(server);
    const capture = captured[index]!;
    process.stdout.write(`Loading ${page.name} (${capture.path}, ${count(capture.body.length)} bytes)... `);
    const { server: serverRun, nginx: nginxRun } = await measurePage(options, `${origin}${capture.path}`, nginx.urlOf(index));
    const { cache: cacheAfterLoad } = await capturePage(origin, capture.path);
    console.log(`server ${count(serverRun.requestsPerSecond)} req/s, nginx ${count(nginxRun.requestsPerSecond)} req/s`);
    results.push({ page, captured: capture, server: serverRun, nginx: nginxRun, cacheAfterLoad });
  }
  await stopSize();
  return { size, pages: results };
}

// Each page is asked for once before it is kept, so the kept body is the one a warm server sends.
async function captureAll(origin: string, pages: BenchPage[]): Promise<CapturedPage[]> {
  const captured: CapturedPage[] = [];
  for (const page of pages) {
    await capturePage(origin, page.path);
    captured.push(await capturePage(origin, page.path));
  }
  return captured;
}

function stopIfGone(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the web server stopped during the run; see ${serverLogFile}`);
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  requireWrk();
  const nginxBinary = requireNginx();
  const machine = describeMachine(); // Before we add any load of our own.
  ensurePrismaClient();

  const sizes: SizeResult[] = [];
  for (const posts of options.sizes) sizes.push(await measureSize(options, nginxBinary, posts));

  const verdicts: Verdict[] = [];
  console.log(`\n${machine}\n\n${describeLoad(options)}`);
  for (const result of sizes) {
    const { table, verdicts: sizeVerdicts } = formatSizeTable(result);
    verdicts.push(...sizeVerdicts);
    console.log(`\n${describeData(result.size)}\n\n${table}`);
  }
  if (sizes.length > 1) {
    const { table, verdicts: growthVerdicts } = formatGrowthTable(sizes[0]!, sizes.at(-1)!);
    verdicts.push(...growthVerdicts);
    console.log(`\nFrom ${count(sizes[0]!.size.posts)} to ${count(sizes.at(-1)!.size.posts)} posts (cost: req/s before / req/s after):\n\n${table}`);
  }
  const failed = verdicts.filter((verdict) => !verdict.pass).length;
  console.log(`\n${failed === 0 ? "Every target met." : `${failed} of ${verdicts.length} targets not met.`}`);
  if (failed > 0) process.exitCode = 1;
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
