// `npm run bench:search`: feeds and search at 10,000 posts under wrk (Debian's), 16 connections.
// Seeds a throwaway PostgreSQL as bench:read does, builds and serves the production app, then
// prints requests a second and p99 for the Atom and RSS feeds, a repeated search, and new queries
// (every request a query not asked before, so no cache can answer it). See README "Benchmark".
import "./lib/bench/dist-dir"; // First: sets LONGHAND_DIST_DIR before scripts/lib/paths.ts reads it.
import { benchAppEnv, buildBenchApp, serverLogFile, startWebServer } from "./lib/bench/app-server";
import { stopProcessTree } from "./lib/bench/process-tree";
import { seedBenchData, searchWord } from "./lib/bench/seed";
import { count, markdownTable, ms } from "./lib/bench/numbers";
import { requireWrk, runWrk, type WrkResult } from "./lib/bench/wrk";
import { startThrowawayPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrator";
import { findFreePort } from "./lib/net";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { createStops, step } from "./lib/run-steps";

const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const DURATION_SECONDS = 15;

// Words of the seeded posts (scripts/lib/bench/seed.ts). A query is one of them and a made-up word
// to leave out that no post has ("-zq<n>"), so it is new every time and its hits are the word's.
// Rare words each match 7 to 10% of the posts, as the search word does (a topic in titles, or the
// search sentence); common ones, in the filler sentences of most bodies, 54 to 85%, and PostgreSQL
// then ranks and counts thousands of matches, so they are measured apart.
const RARE_WORDS = [searchWord, "tomatoes", "blackbird", "winter", "light", "reading", "railway", "bread", "marginalia", "books", "allotment", "lighthouses"];
const COMMON_WORDS = ["maps", "timetables", "letter", "harbour", "rain", "pencils"];

/**
 * wrk's Lua: each request a new query, as the search form sends it. Seeded from the clock: wrk's
 * random numbers start the same in every run, so the measured run would repeat its warm-up's
 * queries, each then a redirect to a cached page.
 */
function newQueryScript(words: string[]): string {
  return `
math.randomseed(os.time())
local words = { ${words.map((word) => `"${word}"`).join(", ")} }
local counter = 0
setup = function(thread) thread:set("offset", math.random(1, 1000000000)) end
request = function()
  counter = counter + 1
  return wrk.format("GET", "/search?q=" .. words[math.random(#words)] .. "+-zq" .. offset .. "x" .. counter)
end
`;
}

/** Where a query asked again is answered: `/search?q=<query>`, or wherever that then redirects. */
async function repeatedSearchPath(origin: string): Promise<string> {
  let location: string | null = null;
  for (let asked = 0; asked < 2 && !location; asked++) {
    location = (await fetch(`${origin}/search?q=${searchWord}`, { redirect: "manual" })).headers.get("location");
  }
  return location ? new URL(location, origin).pathname : `/search?q=${searchWord}`;
}

const stops = createStops();

/** A warm-up of the same length, then the measured run. */
async function load(url: string, requestScript: string | undefined): Promise<WrkResult> {
  const run = () => runWrk({ url, connections: 16, threads: 2, seconds: DURATION_SECONDS, requestScript });
  await run();
  return run();
}

function statuses(result: WrkResult): string {
  if (result.non2xx3xx === 0 && result.errors === 0) return "all 2xx/3xx";
  return `${count(result.non2xx3xx)} error statuses, ${count(result.errors)} failed requests`;
}

async function main() {
  requireWrk();
  ensurePrismaClient();
  const database = await step("Starting a throwaway PostgreSQL", () => startThrowawayPostgres("longhand_bench_search"));
  stops.push(() => database.stop());
  await step("Applying migrations", () => applyMigrations({ databaseUrl: database.url, migrationsDir }));
  await step(`Seeding ${POSTS} posts`, () => seedBenchData(database.url, { posts: POSTS }));

  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = benchAppEnv({ databaseUrl: database.url, origin });
  await buildBenchApp(env);
  const server = await step(`Starting the web server on ${origin} (its output: ${serverLogFile})`, () => startWebServer(env, port));
  stops.push(() => stopProcessTree(server));

  const repeatedSearch = await repeatedSearchPath(origin);
  const runs: [string, WrkResult][] = [];
  for (const [name, path, script] of [
    ["Atom feed", "/feeds/posts/default", undefined],
    ["RSS feed", "/feeds/posts/default?alt=rss", undefined],
    ["comments feed", "/feeds/comments/default", undefined],
    ["repeated search", repeatedSearch, undefined],
    ["new search queries, rare words", "/", newQueryScript(RARE_WORDS)],
    ["new search queries, common words", "/", newQueryScript(COMMON_WORDS)],
  ] as const) {
    process.stdout.write(`Loading ${name} (${path}) for ${DURATION_SECONDS} s... `);
    const result = await load(`${origin}${path}`, script);
    console.log(`${count(result.requestsPerSecond)} req/s, p99 ${ms(result.p99Ms)} ms`);
    runs.push([name, result]);
  }
  console.log(`\n${POSTS} posts, wrk -t2 -c16 -d${DURATION_SECONDS}s (after a warm-up of the same length)\n`);
  const rows = runs.map(([name, result]) => [name, count(result.requestsPerSecond), ms(result.p99Ms), statuses(result)]);
  console.log(markdownTable(["what", "req/s", "p99 ms", "statuses"], rows, 1));
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => stops.stopEverything());
