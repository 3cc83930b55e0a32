// `npm run soak`: mixed load (reads, comments, replies, edits, autosaves, sign-ins) against the
// production app on a throwaway database, then every write counted in the database. See README "Soak".
import "./lib/bench/dist-dir"; // First: sets LONGHAND_DIST_DIR before scripts/lib/paths.ts reads it.
import { benchAppEnv, buildBenchApp, serverLogFile, startWebServer } from "./lib/bench/app-server";
import { benchDistDir } from "./lib/bench/dist-dir";
import { findBenchPages } from "./lib/bench/pages";
import { stopProcessTree } from "./lib/bench/process-tree";
import { count } from "./lib/bench/numbers";
import { describeMachine } from "./lib/bench/report";
import { seedBenchData } from "./lib/bench/seed";
import { startThrowawayPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrator";
import { findFreePort } from "./lib/net";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { createStops, step } from "./lib/run-steps";
import { Ledger } from "./lib/soak/ledger";
import { parseSoakOptions } from "./lib/soak/options";
import { makePerson } from "./lib/soak/people";
import { formatCheck, formatWrites } from "./lib/soak/report";
import { seedSoakData } from "./lib/soak/seed";
import { serverActionId } from "./lib/soak/server-actions";
import { RequestStats } from "./lib/soak/stats";
import { checkWrites } from "./lib/soak/verify";
import { runWorkload, signInFirstArrivals, type SoakContext } from "./lib/soak/workload";

// A correctness soak, not a benchmark: a slow answer under load is fine, a hung one is not.
const REQUEST_TIMEOUT_MS = 30_000;
const POSTS = 200;
// Enough readers that comments and edits stay inside each account's 5 a minute at any connection count.
const READERS_PER_CONNECTION = 4;
const COMMENTED_POSTS = 16;

const stops = createStops();

async function main() {
  const options = parseSoakOptions(process.argv.slice(2));
  const machine = describeMachine();
  ensurePrismaClient();

  const database = await step("Starting a throwaway PostgreSQL", () => startThrowawayPostgres("longhand_soak"));
  stops.push(() => database.stop());
  await step("Applying migrations", () => applyMigrations({ databaseUrl: database.url, migrationsDir }));
  const readerCount = options.connections * READERS_PER_CONNECTION;
  const drafts = Math.max(2, Math.ceil(options.connections / 4));
  const data = await step(`Seeding ${POSTS} posts, ${readerCount} readers and an author with ${drafts} drafts`, async () => {
    await seedBenchData(database.url, { posts: POSTS });
    return seedSoakData(database.url, { readers: readerCount, drafts, commentedPosts: COMMENTED_POSTS });
  });
  const pages = await findBenchPages(database.url);

  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  // The soak's clients stand behind 127.0.0.1 as their proxy, each with an X-Forwarded-For of its own.
  const env = { ...benchAppEnv({ databaseUrl: database.url, origin }), TRUSTED_PROXIES: "127.0.0.1" };
  console.log(`Building the production app into ${benchDistDir}:`);
  await buildBenchApp(env);
  const server = await step(`Starting the web server on ${origin} (its output: ${serverLogFile})`, () => startWebServer(env, port));
  stops.push(() => stopProcessTree(server));

  const actionsFile = "app/(blog)/[year]/[month]/[slug]/actions.ts";
  const context: SoakContext = {
    origin,
    stats: new RequestStats(),
    ledger: new Ledger(data.drafts),
    readers: data.readers.map((account) => makePerson(account, origin, REQUEST_TIMEOUT_MS)),
    author: makePerson(data.author, origin, REQUEST_TIMEOUT_MS),
    commentedPosts: data.commentedPosts,
    cachedPaths: pages.filter((page) => !page.path.startsWith("/search") && !page.path.startsWith("/feeds")).map((page) => page.path),
    searchPath: pages.find((page) => page.path.startsWith("/search"))!.path,
    feedPath: pages.find((page) => page.path.startsWith("/feeds"))!.path,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    actionIds: {
      editComment: serverActionId(actionsFile, "saveCommentEdit"),
      savePost: serverActionId("app/(dashboard)/dashboard/posts/actions.ts", "savePostAction"),
    },
  };
  const arrivals = await step(`Signing in the author and half the readers`, () => signInFirstArrivals(context, options.connections));
  if (!context.author.signedIn) throw new Error(`the author could not sign in; see ${serverLogFile}`);

  const startedAt = performance.now();
  await step(`Soaking for ${options.durationSeconds} s at ${options.connections} connections`, () =>
    runWorkload(context, { connections: options.connections, durationMs: options.durationSeconds * 1000 }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the web server stopped during the run; see ${serverLogFile}`);
  const check = await step("Counting the writes in the database", () => checkWrites(database.url, context.ledger));

  const { stats } = context;
  console.log(`\n${machine}`);
  console.log(
    `Load: ${options.connections} workers, each sending its next request when the last is answered, for ${seconds.toFixed(0)} s; ` +
      `${arrivals.filter((person) => person.signedIn).length} of ${arrivals.length} people signed in at the start, the other ${readerCount + 1 - arrivals.length} during the run. ` +
      "Node's fetch (undici) keep-alive pool on the same machine: " +
      "a correctness soak, not a throughput benchmark.\n",
  );
  console.log(stats.table());
  console.log(`\nRequests: ${count(stats.total)} (${count(stats.total / seconds)}/s), 5xx: ${stats.serverErrors}, no answer: ${stats.noAnswers}`);
  for (const problem of stats.problems()) console.log(`  ${problem}`);
  console.log(`\n${formatWrites(check)}\n`);
  const { text, failed } = formatCheck(check, stats, context.ledger);
  console.log(text);
  console.log(failed.length ? `\nFAILED: ${failed.join("; ")}` : "\nPASSED: no 5xx, no request left unanswered, no lost or doubled writes");
  if (failed.length) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  if (!stops.stopping) console.error(`\nThe soak stopped: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await stops.stopEverything();
}
