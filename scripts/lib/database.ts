import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { embeddedUrl, startEmbeddedPostgres } from "./embedded-postgres";
import { dataDir } from "./paths";

export interface ProjectDatabase {
  url: string;
  /** Where the data lives, for messages: "the embedded PostgreSQL in .data/postgres" or the host. */
  description: string;
  /** A stable name for this database (no password), so a build made against it can be recognised. */
  identity: string;
  /** Stops the embedded cluster if this process started it; otherwise does nothing. */
  release(): Promise<void>;
}

export const embeddedDataDir = path.join(dataDir, "postgres");

/**
 * The database the project's commands use: DATABASE_URL when it is set; otherwise the embedded
 * PostgreSQL under .data/postgres, joined if `npm start` already runs it, or started for as long
 * as this command needs it.
 */
export async function openProjectDatabase({ log = () => {} }: { log?: (line: string) => void } = {}): Promise<ProjectDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const url = new URL(configured);
    const identity = `${url.protocol}//${url.username}@${url.host}${url.pathname}`;
    return { url: configured, description: `PostgreSQL at ${url.host}${url.pathname}`, identity, release: async () => {} };
  }

  const identity = `embedded:${embeddedDataDir}`;
  const description = `the embedded PostgreSQL in ${path.relative(process.cwd(), embeddedDataDir) || embeddedDataDir}`;
  const runningPort = runningClusterPort(embeddedDataDir);
  if (runningPort) {
    return { url: embeddedUrl(runningPort), description, identity, release: async () => {} };
  }
  const cluster = await startEmbeddedPostgres({ dataDir: embeddedDataDir, log });
  return { url: cluster.url, description, identity, release: () => cluster.stop() };
}

// postmaster.pid holds the server's pid on its first line and its port on the fourth.
function runningClusterPort(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return Number(portLine);
}
