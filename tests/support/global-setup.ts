import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/lib/migrator";
import { migrationsDir } from "../../scripts/lib/paths";
import { ensurePrismaClient } from "../../scripts/lib/prisma-generate";
import { TEMPLATE_DATABASE } from "./databases";
import { databaseUrl, runSql } from "./sql";
import { openTestServer } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A connection to the server's maintenance database, from which tests create their own. */
    serverUrl: string;
  }
}

/** One PostgreSQL for the whole run, and a migrated template each test file can clone in milliseconds. */
export default async function setup(project: TestProject) {
  ensurePrismaClient();
  const { serverUrl, stop } = await openTestServer();
  await runSql(serverUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await runSql(serverUrl, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await applyMigrations({ databaseUrl: databaseUrl(serverUrl, TEMPLATE_DATABASE), migrationsDir });
  project.provide("serverUrl", serverUrl);

  return async () => {
    await runSql(serverUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await stop();
  };
}
