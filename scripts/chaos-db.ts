// `npm run chaos:db`: serves the production app from a throwaway PostgreSQL, keeps readers,
// commenters and an author busy, stops PostgreSQL for 30 s, starts it again, then drops the
// database's packets for 30 s, and prints what each kind of request got and whether every write
// landed exactly once. See README "Database outage".
import "./lib/bench/dist-dir"; // First: sets LONGHAND_DIST_DIR before scripts/lib/paths.ts reads it.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import exitHook from "async-exit-hook";
import pg from "pg";
import { pageFailedInside } from "../lib/database-outage-answer.mjs";
import { benchAppEnv, buildBenchApp, serverLogFile, startWebServer } from "./lib/bench/app-server";
import { findBenchPages } from "./lib/bench/pages";
import { stopProcessTree } from "./lib/bench/process-tree";
import { seedBenchData } from "./lib/bench/seed";
import { callServerAction, commentFormFields, postCommentForm, request, signInOverHttp, type Answer } from "./lib/chaos/http-client";
import { startThrowawayPostgres } from "./lib/embedded-postgres";
import { startTcpProxy } from "./lib/tcp-proxy";
import { applyMigrations } from "./lib/migrator";
import { findFreePort } from "./lib/net";
import { distDir, migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";

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

function count(kind: string, answer: Answer, outcome = String(answer.status)) {
  if (outcome === "200" && pageFailedInside(answer.body)) outcome = "200 but failed inside";
  const row = tally.get(`${kind} (${phase})`) ?? { statuses: new Map(), leaks: 0 };
  row.statuses.set(outcome, (row.statuses.get(outcome) ?? 0) + 1);
  if (DATABASE_ERROR_TEXT.test(answer.body) || DATABASE_ERROR_TEXT.test(decodeURIComponent(answer.location))) row.leaks++;
  tally.set(`${kind} (${phase})`, row);
}

async function makeAccount(client: pg.Client, role: "READER" | "AUTHOR") {
  const id = `chaos-${randomBytes(5).toString("hex")}`;
  const password = randomBytes(12).toString("base64url");
  await client.query(`INSERT INTO "User" (id, name, email, "passwordHash", role, "updatedAt") VALUES ($1, $1, $2, $3, $4::"Role", now())`, [
    id,
    `${id}@example.test`,
    await hash(password),
    role,
  ]);
  return { id, email: `${id}@example.test`, password };
}

/** The action id Next gave an exported server action, from the build's manifest. */
function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`the build has no server action named ${exportedName}`);
  return id;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  ensurePrismaClient();
  const database = await startThrowawayPostgres("longhand_chaos");
  stops.push(() => database.stop());
  await applyMigrations({ databaseUrl: database.url, migrationsDir });
  await seedBenchData(database.url, { posts: 60 });
  const pages = await findBenchPages(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const author = await makeAccount(client, "AUTHOR");
  const commenters = await Promise.all(Array.from({ length: COMMENTERS }, () => makeAccount(client, "READER")));
  const postId = `chaos-post-${randomBytes(4).toString("hex")}`;
  await client.query(`INSERT INTO "Post" (id, title, slug, "bodyHtml", "authorId", "updatedAt") VALUES ($1, 'Chaos draft', $1, '<p>0</p>', $2, now())`, [
    postId,
    author.id,
  ]);
  await client.end();
  // The app reaches the database through a proxy that can drop its packets (a network fault).
  const network = await startTcpProxy({ host: "127.0.0.1", port: database.port });
  stops.push(() => network.close());
  const throughNetwork = new URL(database.url);
  throughNetwork.port = String(network.port);

  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = benchAppEnv({ databaseUrl: throughNetwork.toString(), origin });
  console.log("Building the production app (a few minutes)...");
  await buildBenchApp(env);
  const server = await startWebServer(env, port);
  stops.push(() => stopProcessTree(server));
  console.log(`Serving ${origin} (its log: ${serverLogFile})`);

  const authorCookie = await signInOverHttp(origin, author.email, author.password);
  const commenterCookies = await Promise.all(commenters.map((reader) => signInOverHttp(origin, reader.email, reader.password)));
  const postPath = pages.find((page) => page.name === "post, 1 comment")!.path;
  const formFields = commentFormFields((await request(`${origin}${postPath}`, { timeoutMs: REQUEST_TIMEOUT_MS })).body);
  const savePostAction = serverActionId("savePostAction");
  const cachedPaths = pages.filter((page) => ["home", "post, 1 comment", "archive month (busiest)"].includes(page.name)).map((page) => page.path);
  for (const cached of cachedPaths) await request(`${origin}${cached}`, { timeoutMs: REQUEST_TIMEOUT_MS }); // Fill the page cache.

  let running = true;
  const readers = async (kind: string, pathFor: () => string, cookie = "") => {
    while (running) count(kind, await request(`${origin}${pathFor()}`, { headers: { cookie }, timeoutMs: REQUEST_TIMEOUT_MS }));
  };
  const unique = () => randomBytes(4).toString("hex");

  // Comments: each sent until acknowledged; `acknowledged` are those the blog said it posted.
  const acknowledged: string[] = [];
  const commenter = async (cookie: string, who: number) => {
    for (let n = 0; running; n++) {
      const text = `Chaos comment ${who}-${n}-${unique()}`;
      for (;;) {
        const answer = await postCommentForm(`${origin}${postPath}`, formFields, text, cookie, REQUEST_TIMEOUT_MS);
        const landed = /#(c[a-z0-9]+|comments|comment-awaiting-moderation)$/.test(answer.location);
        count("comment", answer, landed ? "posted" : answer.location.includes("#comment-not-posted-") ? "refused" : String(answer.status));
        if (landed) break;
        await pause(2_000); // Sent again, the same text with the same form key, until it lands.
      }
      acknowledged.push(text);
      await pause(COMMENT_EVERY_MS);
    }
  };

  // Saves: each names the version it started from; a refused one is sent again unchanged.
  let version = 1;
  let acknowledgedSaves = 0;
  const authorSaves = async () => {
    while (running) {
      const answer = await callServerAction(
        `${origin}/dashboard/posts/${postId}`,
        savePostAction,
        [{ postId, expectedVersion: version, title: "Chaos draft", slug: postId, excerpt: "", bodyHtml: `<p>${version}</p>`, labels: [] }],
        authorCookie,
        REQUEST_TIMEOUT_MS,
      );
      const saved = /"ok":true[^\n]*"version":(\d+)/.exec(answer.body);
      const refused = answer.body.includes("Could not save, try again");
      count("dashboard save", answer, saved ? "saved" : refused ? "refused: could not save" : String(answer.status));
      if (saved) {
        version = Number(saved[1]);
        acknowledgedSaves++;
      }
      await pause(SAVE_EVERY_MS);
    }
  };

  const work = [
    readers("cached page", () => cachedPaths[Math.floor(Math.random() * cachedPaths.length)]!),
    readers("uncached search", () => `/search?q=${unique()}`),
    readers("uncached label", () => pages.find((page) => page.name === "label (biggest)")!.path + `?x=${unique()}`),
    readers("dashboard page (author)", () => "/dashboard/posts", authorCookie),
    readers("feed", () => "/feeds/posts/default"),
    authorSaves(),
    ...commenterCookies.map((cookie, who) => commenter(cookie, who)),
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
    `SELECT "bodyHtml" AS body, count(*)::int AS copies FROM "Comment" WHERE "postId" = (SELECT id FROM "Post" WHERE permalink = $1) GROUP BY 1`,
    [postPath],
  );
  const { rows: posts } = await check.query<{ version: number }>(`SELECT version FROM "Post" WHERE id = $1`, [postId]);
  await check.end();
  const copies = new Map(rows.map((row) => [row.body.replace(/<[^>]+>/g, ""), row.copies]));
  const wrong = acknowledged.filter((text) => copies.get(text) !== 1);

  console.log("\nWhat each kind of request got, phase by phase:");
  for (const [kind, row] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
    const statuses = [...row.statuses].map(([status, n]) => `${status}: ${n}`).join(", ");
    console.log(`  ${kind.padEnd(34)} ${statuses}${row.leaks ? `  DATABASE ERROR TEXT in ${row.leaks}` : ""}`);
  }
  const leaks = [...tally.values()].reduce((sum, row) => sum + row.leaks, 0);
  const hangs = [...tally.values()].reduce((sum, row) => sum + (row.statuses.get("hang") ?? 0), 0);
  console.log(`\nAnswers with database error text: ${leaks}; requests that hung past ${REQUEST_TIMEOUT_MS / 1000} s: ${hangs}`);
  console.log(`Comments acknowledged: ${acknowledged.length}; landed exactly once: ${acknowledged.length - wrong.length}${wrong.length ? ` (NOT once: ${wrong.join(", ")})` : ""}`);
  console.log(`Dashboard saves acknowledged: ${acknowledgedSaves}; post version ${posts[0]?.version} (exactly once each: ${posts[0]?.version === acknowledgedSaves + 1 ? "yes" : "NO"})`);
  if (leaks || hangs || wrong.length || posts[0]?.version !== acknowledgedSaves + 1) process.exitCode = 1;
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
