// `npm run bench:import`: writes a big Blogger export (the same bytes every run), imports it with
// `npm run import` into a throwaway PostgreSQL, then imports it again, and prints time, posts and
// comments a second and the importer's peak memory. See README "Import and export".
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import exitHook from "async-exit-hook";
import { writeBloggerExport } from "./lib/bench/blogger-export";
import { watchPeakRss } from "./lib/bench/process-tree";
import { describeMachine } from "./lib/bench/report";
import { startThrowawayPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrator";
import { findFreePort } from "./lib/net";
import { migrationsDir, projectRoot } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";

const { values } = parseArgs({ options: { posts: { type: "string", default: "20000" }, comments: { type: "string", default: "300000" } } });
const posts = Number(values.posts);
const comments = Number(values.comments);
if (!Number.isInteger(posts) || posts < 1 || !Number.isInteger(comments) || comments < 0) {
  console.error("Usage: npm run bench:import -- [--posts 20000] [--comments 300000]");
  process.exit(1);
}

const stops: (() => Promise<void>)[] = [];
exitHook((done) => void Promise.allSettled(stops.reverse().map((stop) => stop())).finally(done));

interface Run {
  seconds: number;
  peakRssBytes: number;
  output: string;
}

/** `npm run import -- <file>` as a person runs it, in a process of its own so its memory is its own. */
async function runImport(file: string, databaseUrl: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/import.ts", file], {
    cwd: projectRoot,
    // A port nothing listens on: the import must not expire the caches of a blog running here.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(await findFreePort()) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const rss = watchPeakRss(child.pid!);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const peakRssBytes = rss.stop();
  if (code !== 0) throw new Error(`npm run import exited with ${code}:\n${output}${errors.slice(-2000)}`);
  return { seconds: (performance.now() - started) / 1000, peakRssBytes, output };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSecond = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString("en-GB");

ensurePrismaClient();
console.log(describeMachine());
const folder = await mkdtemp(path.join(tmpdir(), "longhand-bench-import-"));
stops.push(() => rm(folder, { recursive: true, force: true }));
const file = path.join(folder, "blogger-export.xml");
process.stdout.write(`Writing a Blogger export with ${posts.toLocaleString("en-GB")} posts and ${comments.toLocaleString("en-GB")} comments... `);
const generated = await writeBloggerExport(file, { posts, comments });
console.log(megabytes(generated.bytes));

const database = await startThrowawayPostgres("longhand_bench_import");
stops.push(() => database.stop());
await applyMigrations({ databaseUrl: database.url, migrationsDir });

const first = await runImport(file, database.url);
const again = await runImport(file, database.url);
console.log(`
run            seconds   posts/s  comments/s  peak RSS
-------------  -------  --------  ----------  --------
first import   ${first.seconds.toFixed(1).padStart(7)}  ${perSecond(generated.posts, first.seconds).padStart(8)}  ${perSecond(generated.comments, first.seconds).padStart(10)}  ${megabytes(first.peakRssBytes).padStart(8)}
same again     ${again.seconds.toFixed(1).padStart(7)}  ${perSecond(generated.posts, again.seconds).padStart(8)}  ${perSecond(generated.comments, again.seconds).padStart(10)}  ${megabytes(again.peakRssBytes).padStart(8)}

Target (import issue): a 200 MB export with 20,000 posts and 300,000 comments in under 2 minutes with peak RSS under 400 MB.
  first import: ${first.seconds < 120 && first.peakRssBytes < 400 * 1024 * 1024 ? "met" : "not met"} (${first.seconds.toFixed(0)} s, ${megabytes(first.peakRssBytes)}, file ${megabytes(generated.bytes)})
  the second import ${/Nothing changed/.test(again.output) ? "changed nothing, as it should" : "CHANGED SOMETHING: see its report"}.`);
process.exit(0);
