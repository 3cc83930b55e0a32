import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, throwawayDataDir } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrator";
import { migrationsDir } from "../../scripts/lib/paths";
import { ensurePrismaClient } from "../../scripts/lib/prisma-generate";
import { assertLocalDatabaseUrl } from "./local-database";
import { databaseUrl, TEMPLATE_DATABASE } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** A connection to the server's maintenance database, from which tests create their own. */
    serverUrl: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one in a throwaway folder, or DATABASE_URL_TEST
 * (local only). A migrated template database lets each test file clone a fresh one in milliseconds.
 */
export default async function setup(project: TestProject) {
  ensurePrismaClient();
  const external = process.env.DATABASE_URL_TEST;
  let stop = async () => {};
  let serverUrl: string;
  if (external) {
    assertLocalDatabaseUrl(external, "DATABASE_URL_TEST");
    serverUrl = databaseUrl(external, "postgres");
  } else {
    const cluster = await startEmbeddedPostgres({ dataDir: await throwawayDataDir(), persistent: false, database: "postgres" });
    serverUrl = cluster.url;
    stop = cluster.stop;
  }

  await admin(serverUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await applyMigrations({ databaseUrl: databaseUrl(serverUrl, TEMPLATE_DATABASE), migrationsDir });
  project.provide("serverUrl", serverUrl);

  return async () => {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await stop();
  };
}

async function admin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
