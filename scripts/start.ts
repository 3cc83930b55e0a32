// `npm start`: the blog on http://localhost:3000 with no configuration. See README "What npm start does".
import type { ChildProcess } from "node:child_process";
import exitHook from "async-exit-hook";
import { ConfigError, parseConfig } from "../lib/config";
import { buildApp, buildIsCurrent, buildKey } from "./lib/build";
import { openProjectDatabase, type ProjectDatabase } from "./lib/database";
import { applyMigrations, MigrationError } from "./lib/migrator";
import { portIsFree, waitForHttp } from "./lib/net";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { authSecret } from "./lib/secrets";
import { spawnWebServer } from "./lib/web-server";

const port = Number(process.env.PORT || 3000);
// Loopback unless told otherwise: put a reverse proxy in front, or set HOST=0.0.0.0.
const host = process.env.HOST || "127.0.0.1";
const publicUrl = `http://${host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host}:${port}`;

// What this process started, for stop() to end.
const running: { database?: ProjectDatabase; server?: ChildProcess } = {};
let stopping: Promise<void> | undefined;

// Ctrl-C, SIGTERM or a failure: the web server first, then the embedded database, then exit.
function stop(): Promise<void> {
  stopping ??= (async () => {
    const { server, database } = running;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database?.release();
    console.log("Longhand stopped.");
  })();
  return stopping;
}
exitHook((done) => void stop().finally(done));

async function fail(message: string): Promise<never> {
  console.error(`\nLonghand cannot start: ${message}`);
  await stop();
  process.exit(1);
}

async function checkConfig(databaseUrl: string) {
  try {
    return parseConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || publicUrl,
      NODE_ENV: "production",
    });
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
}

if (!Number.isInteger(port) || port <= 0 || port > 65535) await fail(`PORT must be a port number, not "${process.env.PORT}".`);
// Catch a bad variable before starting anything; the embedded database's URL is checked once it is known.
await checkConfig(process.env.DATABASE_URL || "postgresql://embedded");
if (!(await portIsFree(port, host))) await fail(`port ${port} on ${host} is in use. Set PORT to another port, e.g. PORT=3001 npm start.`);

ensurePrismaClient();
const database = await openProjectDatabase();
running.database = database;
const config = await checkConfig(database.url);
console.log(`Database: ${database.description}`);
try {
  const { applied } = await applyMigrations({ databaseUrl: database.url, migrationsDir });
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s).`);
} catch (error) {
  await fail(error instanceof MigrationError ? error.message : String(error));
}

const { seedDatabase, demoAuthor } = await import("./lib/demo-content");
const seeded = await seedDatabase(database.url);
if (seeded.seeded) console.log(`Seeded the demo blog: ${seeded.posts} posts, ${seeded.comments} comments.`);

const env = {
  ...process.env,
  DATABASE_URL: config.DATABASE_URL,
  NEXTAUTH_SECRET: config.NEXTAUTH_SECRET,
  NEXTAUTH_URL: config.NEXTAUTH_URL,
  NEXT_TELEMETRY_DISABLED: "1",
};
const key = buildKey(database.identity);
if (!buildIsCurrent(key)) {
  console.log("Building the production app (the source or database changed since the last build)...");
  await buildApp(key, { ...env, NODE_ENV: "production" }).catch((error: Error) => fail(error.message));
}

// Its stdout is the access log (lib/access-log.mjs): one JSON line per request, LOG_LEVEL=silent for none.
const server = spawnWebServer({ host, port, env, stdio: ["ignore", "inherit", "inherit"] });
running.server = server;
server.on("exit", (code, signal) => {
  if (!stopping) void fail(`the web server stopped (${signal ?? `exit code ${code}`}).`);
});
const localUrl = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
await waitForHttp(`${localUrl}/`, { alive: () => server.exitCode === null });

console.log(`
Longhand is running at ${publicUrl}
  Data:    ${database.description}
  Sign in: ${demoAuthor.email} / ${demoAuthor.password} (the demo author${seeded.seeded ? "" : ", if you kept the demo content"})
Press Ctrl-C to stop.`);
