import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { findFreePort, waitForHttp } from "../../scripts/lib/net";
import { distDir, projectRoot } from "../../scripts/lib/paths";
import { startTcpProxy, type TcpProxy } from "../../scripts/lib/tcp-proxy";
import { spawnWebServer } from "../../scripts/lib/web-server";

export interface PrivateBlog {
  origin: string;
  port: number;
  /** The server.mjs process, for a test that signals it itself; resolves `exited` when it ends. */
  process: ChildProcess;
  exited: Promise<number | null>;
  /** Between this blog and the shared test database: cut it for an outage only this blog sees. */
  database: TcpProxy;
  /** What the server printed (its log: the database errors go there, not to pages). */
  output(): string;
  stop(): Promise<void>;
}

/** A private copy of the e2e build (copied, not linked: the page cache rewrites its files in place). */
export async function copyTheBuild(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = `${distDir}-private-${randomBytes(4).toString("hex")}`;
  await cp(distDir, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A second production server (server.mjs) of the e2e build, for a spec that must break what other
 * specs rely on: it reaches the shared database through a proxy of its own, and serves a private
 * copy of the build, or the `build` several such servers share (with one `secret`, as the
 * instances of one deployment do).
 */
export async function startPrivateBlog({ build, secret = randomBytes(32).toString("base64url") }: { build?: string; secret?: string } = {}): Promise<PrivateBlog> {
  const target = new URL(process.env.DATABASE_URL!);
  const database = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const throughProxy = new URL(target);
  throughProxy.host = `127.0.0.1:${database.port}`;
  const ownBuild = build ? undefined : await copyTheBuild();
  const buildDir = build ?? ownBuild!.dir;
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawnWebServer({
    host: "127.0.0.1",
    port,
    env: {
      ...process.env,
      DATABASE_URL: throughProxy.toString(),
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: secret,
      // Relative, as Next joins it to the project folder.
      LONGHAND_DIST_DIR: path.relative(projectRoot, buildDir),
      // As for the shared blog: the specs send a made-up client address per test.
      TRUSTED_PROXIES: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await exited;
    }
    await database.close();
    await ownBuild?.remove();
  };
  try {
    await waitForHttp(`${origin}/`, { alive: () => server.exitCode === null && server.signalCode === null });
  } catch (error) {
    await stop();
    throw new Error(`the private blog did not come up: ${error instanceof Error ? error.message : error}\n${output}`);
  }
  return { origin, port, process: server, exited, database, output: () => output, stop };
}
