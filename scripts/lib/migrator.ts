import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { inTransaction } from "./transaction";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  databaseUrl: string;
  migrationsDir: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/** A migration that could not be applied; the database is as it was before it. */
export class MigrationError extends Error {
  constructor(
    readonly migrationName: string,
    readonly cause: unknown,
  ) {
    super(`Migration ${migrationName} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationError";
  }
}

// The same key Prisma Migrate locks on, so this applier and `prisma migrate deploy` never run at once.
const PRISMA_ADVISORY_LOCK = 72707369;

// Prisma Migrate's own bookkeeping table, column for column.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma's checksum: SHA-256 of migration.sql, as lowercase hex. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The names of the migrations in Prisma Migrate's folder layout, in the order Prisma applies them. */
export async function readMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The migrations in Prisma Migrate's folder layout, in the order Prisma applies them (by name). */
export async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  const names = await readMigrationNames(migrationsDir);
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction together with its
 * `_prisma_migrations` record, so a failure leaves neither the change nor a record behind.
 */
export async function applyMigrations({ databaseUrl, migrationsDir, log = () => {} }: MigrateOptions): Promise<MigrateResult> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await createMigrationsTable(client);
    const records = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const unfinished = records.rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (unfinished) {
      throw new MigrationError(
        unfinished.migration_name,
        "it is recorded as failed in _prisma_migrations; fix the database, then mark it with `prisma migrate resolve`",
      );
    }
    const done = new Map(records.rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row]));
    for (const migration of migrations) {
      const record = done.get(migration.name);
      if (record && record.checksum !== migration.checksum) {
        log(`Warning: ${migration.name} was changed after it was applied (its checksum differs).`);
      }
    }

    const pending = migrations.filter((migration) => !done.has(migration.name));
    for (const migration of pending) {
      await applyOne(client, migration);
      log(`Applied migration ${migration.name}`);
    }
    return { applied: pending.map((migration) => migration.name), alreadyApplied: migrations.length - pending.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}

export async function createMigrationsTable(client: pg.ClientBase) {
  await client.query(CREATE_MIGRATIONS_TABLE);
}

/** Runs a migration and records it, in the caller's transaction (a restore applies several in its own). */
export async function applyAndRecord(client: pg.ClientBase, migration: Migration) {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  await client.query(migration.sql);
  await client.query(
    `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

async function applyOne(client: pg.Client, migration: Migration) {
  try {
    await inTransaction(client, () => applyAndRecord(client, migration));
  } catch (error) {
    throw new MigrationError(migration.name, error);
  }
}
