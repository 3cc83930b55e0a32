import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import path from "node:path";
import { buildApp, buildKey } from "../build";
import { waitForHttp } from "../net";
import { distDir, projectRoot } from "../paths";
import { spawnWebServer } from "../web-server";
import { benchDistDir } from "./dist-dir";

/** Where the web server's own output goes, so it does not interleave with the report. */
export const serverLogFile = path.join(distDir, "bench-server.log");

/** The environment the app is built and served with: production, against the benchmark's database. */
export function benchAppEnv({ databaseUrl, origin }: { databaseUrl: string; origin: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: origin,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LONGHAND_DIST_DIR: benchDistDir,
  };
}

/**
 * A fresh production build against the benchmark's database (reader pages are prerendered from
 * it), in .next-bench beside the usual build.
 */
export async function buildBenchApp(env: NodeJS.ProcessEnv): Promise<void> {
  // Guards the import order dist-dir.ts relies on: the stamp buildApp writes goes to distDir.
  if (distDir !== path.resolve(projectRoot, benchDistDir)) throw new Error(`the benchmark would build into ${distDir}, not ${benchDistDir}`);
  await buildApp(buildKey(`bench:${env.DATABASE_URL}`), env);
}

/** The production server (server.mjs) on 127.0.0.1:port, resolved once it answers HTTP. */
export async function startWebServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const log = openSync(serverLogFile, "w");
  const server = spawnWebServer({ host: "127.0.0.1", port, env, stdio: ["ignore", log, log] });
  closeSync(log);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, { alive: () => server.exitCode === null && server.signalCode === null });
  } catch (error) {
    server.kill("SIGKILL");
    throw new Error(`the web server did not come up (${error instanceof Error ? error.message : error}); see ${serverLogFile}`);
  }
  return server;
}
