// `npm run chaos:db`: serves the production app from a throwaway PostgreSQL, keeps readers,
// commenters and an author busy, stops PostgreSQL for 30 s, starts it again, then drops the
// database's packets for 30 s, and prints what each kind of request got and whether every write
// landed exactly once. See README "Database outage".
import "./lib/bench/dist-dir"; // First: sets LONGHAND_DIST_DIR before scripts/lib/paths.ts reads it.
import exitHook from "async-exit-hook";
import pg from "pg";
import { pageFailedInside } from "../lib/database-outage-answer.mjs";
import { benchAppEnv, buildBenchApp, serverLogFile, startWebServer } from "./lib/bench/app-server";
import { findBenchPages } from "./lib/bench/pages";
import { stopProcessTree } from "./lib/bench/process-tree";
import { seedBenchData } from "./lib/bench/seed";
import { startThrowawayPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrator";
import { findFreePort } from "./lib/net";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { answered, type Browser, type Outcome } from "./lib/soak/browser";
import { filledIn, formsIn, postPath } from "./lib/soak/forms";
import { makePerson, signIn, type Person } from "./lib/soak/people";
import { seedSoakData } from "./lib/soak/seed";
import { callServerAction, serverActionId, type ActionOutcome } from "./lib/soak/server-actions";
import { RequestStats } from "./lib/soak/stats";
import { startTcpProxy } from "./lib/tcp-proxy";

const OUTAGE_MS = 30_000;
// Longer than the app's query timeout, so the timeouts, not the network's return, end the waits.
const DROPPED_PACKETS_MS = 30_000;
const BEFORE_MS = 10_000;
const AFTER_MS = 20_000;
// A query gives up after 10 s (lib/db.ts), so even a request with two stuck queries answers
// within 25 s; anything slower counts as a hang.
const REQUEST_TIMEOUT_MS = 25_000;
const COMMENTERS = 4;
// Under the five-a-minute comment limit, so every refusal is the outage's.
const COMMENT_EVERY_MS = 15_000;
const SAVE_EVERY_MS = 2_000;
// What a leaked database error looks like in a page or an answer.
const DATABASE_ERROR_TEXT = /prisma|ECONNREFUSED|Can't reach database|DriverAdapter|57P01|terminating connection|Connection terminated/i;

const stops: (() => Promise<void>)[] = [];
const stopEverything = async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => console.error(`While stopping: ${String(error)}`));
};
exitHook((done) => void stopEverything().finally(done));

// Numbered, so the report lists them in order.
type Phase = "1 before" | "2 stopped" | "3 after" | "4 packets dropped" | "5 after";
let phase: Phase = "1 before";
const tally = new Map<string, { statuses: Map<string, number>; leaks: number }>();

function count(kind: string, outcome: Outcome, verdict?: string) {
  const answer = answered(outcome) ? outcome : undefined;
  let status = verdict ?? (answer ? String(answer.status) : /timeout|aborted/i.test("error" in outcome ? outcome.error : "") ? "hang" : "no answer");
  if (status === "200" && pageFailedInside(answer!.text)) status = "200 but failed inside";
  const row = tally.get(`${kind} (${phase})`) ?? { statuses: new Map(), leaks: 0 };
  row.statuses.set(status, (row.statuses.get(status) ?? 0) + 1);
  const location = decodeURIComponent(answer?.headers.get("location") ?? "");
  if (answer && (DATABASE_ERROR_TEXT.test(answer.text) || DATABASE_ERROR_TEXT.test(location))) row.leaks++;
  tally.set(`${kind} (${phase})`, row);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  ensurePrismaClient();
  const database = await startThrowawayPostgres("longhand_chaos");
  stops.push(() => database.stop());
  await applyMigrations({ databaseUrl: database.url, migrationsDir });
  await seedBenchData(database.url, { posts: 60 });
  const pages = await findBenchPages(database.url);
  // The soak's people: readers and an author with passwords, a draft, a post to comment on.
  const seeded = await seedSoakData(database.url, { readers: COMMENTERS, drafts: 1, commentedPosts: 1 });
  const draft = seeded.drafts[0]!;
  const commentedPath = seeded.commentedPosts[0]!.permalink;
  // The app reaches the database through a proxy that can drop its packets (a network fault).
  const network = await startTcpProxy({ host: "127.0.0.1", port: database.port });
  stops.push(() => network.close());
  const throughNetwork = new URL(database.url);
  throughNetwork.port = String(network.port);

  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { ...benchAppEnv({ databaseUrl: throughNetwork.toString(), origin }), TRUSTED_PROXIES: "127.0.0.1" };
  console.log("Building the production app (a few minutes)...");
  await buildBenchApp(env);
  const server = await startWebServer(env, port);
  stops.push(() => stopProcessTree(server));
  console.log(`Serving ${origin} (its log: ${serverLogFile})`);

  const signInStats = new RequestStats();
  const signedIn = async (account: (typeof seeded.readers)[number]): Promise<Person> => {
    const person = makePerson(account, origin, REQUEST_TIMEOUT_MS);
    await signIn(person, signInStats);
    if (!person.signedIn) throw new Error(`${account.email} could not sign in`);
    return person;
  };
  const author = await signedIn(seeded.author);
  const commenters = await Promise.all(seeded.readers.map(signedIn));
  const reader = makePerson(seeded.readers[0]!, origin, REQUEST_TIMEOUT_MS).browser;
  const commentPage = await reader.request(commentedPath);
  const commentForm = answered(commentPage) ? formsIn(commentPage.text).find((form) => form.id === "comment-form") : undefined;
  if (!commentForm) throw new Error(`${commentedPath} has no comment form`);
  const savePost = serverActionId("app/(dashboard)/dashboard/posts/actions.ts", "savePostAction");
  const cachedPaths = pages.filter((page) => ["home", "post, 1 comment", "archive month (busiest)"].includes(page.name)).map((page) => page.path);
  for (const cached of cachedPaths) await reader.request(cached); // Fill the page cache.

  let running = true;
  const readers = async (kind: string, pathFor: () => string, browser: Browser = reader) => {
    while (running) count(kind, await browser.request(pathFor()));
  };
  const unique = () => Math.random().toString(36).slice(2, 10);

  // Comments: each sent until acknowledged (the same text, with the same form key); `acknowledged`
  // are those the blog said it posted.
  const acknowledged: string[] = [];
  const commenter = async (person: Person, who: number) => {
    for (let n = 0; running; n++) {
      const text = `Chaos comment ${who}-${n}-${unique()}`;
      for (;;) {
        const outcome = await person.browser.request(postPath(commentForm, commentedPath), { method: "POST", body: filledIn(commentForm, { body: text }) });
        const location = answered(outcome) ? (outcome.headers.get("location") ?? "") : "";
        const landed = /#(c[a-z0-9]+|comments|comment-awaiting-moderation)$/.test(location);
        count("comment", outcome, landed ? "posted" : location.includes("#comment-not-posted-") ? "refused" : undefined);
        if (landed) break;
        await pause(2_000);
      }
      acknowledged.push(text);
      await pause(COMMENT_EVERY_MS);
    }
  };

  // Saves: each names the version it started from; a refused one is sent again unchanged. A
  // refusal (or an error page) whose COMMIT was already on its way (the network stalled, the app gave up waiting,
  // the database applied it later) is answered "conflict" when sent again: that save landed, and
  // the database says at which version, which must be exactly one more.
  let acknowledgedSaves = 0;
  let landedThoughRefused = 0;
  let landedTwice = 0;
  const currentVersion = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<{ version: number }>(`SELECT version FROM "Post" WHERE id = $1`, [draft.id])).rows[0]!.version;
    } finally {
      await client.end();
    }
  };
  const authorSaves = async () => {
    let lastRefused = false;
    while (running) {
      const outcome: ActionOutcome = await callServerAction(author.browser, `/dashboard/posts/${draft.id}`, savePost, [
        { postId: draft.id, expectedVersion: draft.version, saveId: crypto.randomUUID(), title: "Chaos draft", slug: draft.id, excerpt: "", bodyHtml: `<p>${draft.version}</p>`, labels: [], featuredImageId: "" },
      ]);
      const result = outcome.result as { ok: boolean; code?: string; message?: string; data?: { version: number } } | undefined;
      const refused = result?.message?.startsWith("Could not save, try again") ?? false;
      const conflict = result?.code === "CONFLICT";
      count("dashboard save", outcome, result?.ok ? "saved" : refused ? "refused: could not save" : conflict ? "conflict (a refused save had landed)" : undefined);
      if (result?.ok && result.data) {
        draft.version = result.data.version;
        acknowledgedSaves++;
      } else if (conflict && lastRefused) {
        const version = await currentVersion();
        if (version === draft.version + 1) landedThoughRefused++;
        else landedTwice++;
        draft.version = version;
      }
      // Any answer but "saved" leaves it open whether the save landed (an error page after the
      // write, say); the next answer tells.
      lastRefused = !result?.ok && !conflict;
      await pause(SAVE_EVERY_MS);
    }
  };
  const firstVersion = draft.version;

  const work = [
    readers("cached page", () => cachedPaths[Math.floor(Math.random() * cachedPaths.length)]!),
    readers("uncached search", () => `/search?q=${unique()}`),
    // A label no one has asked for: never cached, so each one asks the database (404 when it is up).
    readers("made-up label", () => `/label/${unique()}`),
    readers("dashboard page (author)", () => "/dashboard/posts", author.browser),
    readers("feed", () => "/feeds/posts/default"),
    authorSaves(),
    ...commenters.map((person, who) => commenter(person, who)),
  ];
  console.log(
    `Load for ${BEFORE_MS / 1000} s, PostgreSQL stopped for ${OUTAGE_MS / 1000} s, ${AFTER_MS / 1000} s, ` +
      `its packets dropped for ${DROPPED_PACKETS_MS / 1000} s, ${AFTER_MS / 1000} s...`,
  );
  await pause(BEFORE_MS);
  phase = "2 stopped";
  await database.halt();
  await pause(OUTAGE_MS);
  await database.resume();
  phase = "3 after";
  await pause(AFTER_MS);
  phase = "4 packets dropped";
  await network.blackhole();
  await pause(DROPPED_PACKETS_MS);
  await network.restore();
  phase = "5 after";
  await pause(AFTER_MS);
  running = false;
  await Promise.all(work);

  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  const { rows } = await check.query<{ body: string; copies: number }>(
    `SELECT "bodyHtml" AS body, count(*)::int AS copies FROM "Comment" WHERE "postId" = $1 GROUP BY 1`,
    [seeded.commentedPosts[0]!.id],
  );
  const { rows: posts } = await check.query<{ version: number }>(`SELECT version FROM "Post" WHERE id = $1`, [draft.id]);
  await check.end();
  const copies = new Map(rows.map((row) => [row.body.replace(/<[^>]+>/g, ""), row.copies]));
  const wrong = acknowledged.filter((text) => copies.get(text) !== 1);
  const savedOnce = landedTwice === 0 && posts[0]?.version === firstVersion + acknowledgedSaves + landedThoughRefused;

  console.log("\nWhat each kind of request got, phase by phase:");
  for (const [kind, row] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
    const statuses = [...row.statuses].map(([status, n]) => `${status}: ${n}`).join(", ");
    console.log(`  ${kind.padEnd(34)} ${statuses}${row.leaks ? `  DATABASE ERROR TEXT in ${row.leaks}` : ""}`);
  }
  const leaks = [...tally.values()].reduce((sum, row) => sum + row.leaks, 0);
  const hangs = [...tally.values()].reduce((sum, row) => sum + (row.statuses.get("hang") ?? 0), 0);
  console.log(`\nAnswers with database error text: ${leaks}; requests that hung past ${REQUEST_TIMEOUT_MS / 1000} s: ${hangs}`);
  console.log(`Comments acknowledged: ${acknowledged.length}; landed exactly once: ${acknowledged.length - wrong.length}${wrong.length ? ` (NOT once: ${wrong.join(", ")})` : ""}`);
  console.log(
    `Dashboard saves acknowledged: ${acknowledgedSaves}, refused but landed (its answer lost): ${landedThoughRefused}; ` +
      `the draft went from version ${firstVersion} to ${posts[0]?.version} (each exactly once: ${savedOnce ? "yes" : "NO"})`,
  );
  if (leaks || hangs || wrong.length || !savedOnce) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(`\nThe chaos run stopped: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await stopEverything();
}
// Explicitly: the exit hook would otherwise end the process with 0 whatever the run found.
process.exit(process.exitCode ?? 0);
