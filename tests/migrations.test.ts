import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { applyMigrations, MigrationError, migrationChecksum, readMigrations } from "../scripts/lib/migrator";
import { migrationsDir } from "../scripts/lib/paths";
import { createTestDatabase, runSql, type TestDatabase } from "./support/databases";

const databases: TestDatabase[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function emptyDatabase() {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "longhand-migrations-"));
  folders.push(dir);
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

const tableExists = async (url: string, table: string) =>
  (await runSql(url, "SELECT to_regclass($1) IS NOT NULL AS found", [`public."${table}"`])).rows[0].found as boolean;

describe("npm run db:migrate's applier", () => {
  test("applies every migration in order and records each as Prisma Migrate does", async () => {
    const database = await emptyDatabase();
    const migrations = await readMigrations(migrationsDir);

    const result = await applyMigrations({ databaseUrl: database.url, migrationsDir });

    expect(result.applied).toEqual(migrations.map((migration) => migration.name));
    const records = await runSql(
      database.url,
      `SELECT id, migration_name, checksum, finished_at, started_at, rolled_back_at, logs, applied_steps_count
         FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    );
    expect(records.rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of records.rows.entries()) {
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(migrationChecksum(sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(migrations[index]!.name).toBe(row.migration_name);
    }
    expect(await tableExists(database.url, "Post")).toBe(true);
  });

  test("the bookkeeping table has Prisma Migrate's exact columns", async () => {
    const database = await emptyDatabase();
    await applyMigrations({ databaseUrl: database.url, migrationsDir });
    const columns = await runSql(
      database.url,
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.rows).toEqual([
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", character_maximum_length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO", column_default: "0" },
    ]);
  });

  test("applying twice changes nothing the second time", async () => {
    const database = await emptyDatabase();
    await applyMigrations({ databaseUrl: database.url, migrationsDir });
    const before = await runSql(database.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

    const second = await applyMigrations({ databaseUrl: database.url, migrationsDir });

    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(before.rowCount);
    const after = await runSql(database.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(after.rows).toEqual(before.rows);
  });

  test("treats migrations recorded by `prisma migrate deploy` as applied", async () => {
    const database = await emptyDatabase();
    const [first] = await readMigrations(migrationsDir);
    // What Prisma's engine leaves behind after applying the first migration itself.
    await runSql(database.url, first!.sql);
    await runSql(
      database.url,
      `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
    );
    await runSql(
      database.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES (gen_random_uuid(), $1, now(), $2, 1)`,
      [first!.checksum, first!.name],
    );

    const result = await applyMigrations({ databaseUrl: database.url, migrationsDir });

    expect(result.applied).not.toContain(first!.name);
    expect(result.alreadyApplied).toBe(1);
    expect(await tableExists(database.url, "Post")).toBe(true);
  });

  test("a failing migration is reported by name and leaves the database as it was", async () => {
    const database = await emptyDatabase();
    const dir = await copyOfMigrations();
    await applyMigrations({ databaseUrl: database.url, migrationsDir: dir });
    await addMigration(
      dir,
      "29990101000000_half_broken",
      `CREATE TABLE "Scratch" ("id" TEXT PRIMARY KEY);\nALTER TABLE "Post" ADD COLUMN "rating" INTEGER;\nSELECT * FROM "NoSuchTable";`,
    );
    const recordsBefore = await runSql(database.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

    const failure = await applyMigrations({ databaseUrl: database.url, migrationsDir: dir }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe("29990101000000_half_broken");
    expect((failure as MigrationError).message).toContain("29990101000000_half_broken");
    expect((failure as MigrationError).message).toContain('relation "NoSuchTable" does not exist');
    expect(await tableExists(database.url, "Scratch")).toBe(false);
    const rating = await runSql(database.url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'Post' AND column_name = 'rating'`);
    expect(rating.rowCount).toBe(0);
    const recordsAfter = await runSql(database.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(recordsAfter.rows).toEqual(recordsBefore.rows);
  });

  test("stops before a later migration when an earlier one fails", async () => {
    const database = await emptyDatabase();
    const dir = await copyOfMigrations();
    await addMigration(dir, "29990101000000_broken", `SELECT * FROM "NoSuchTable";`);
    await addMigration(dir, "29990102000000_after", `CREATE TABLE "After" ("id" TEXT PRIMARY KEY);`);

    await expect(applyMigrations({ databaseUrl: database.url, migrationsDir: dir })).rejects.toThrow(/29990101000000_broken/);

    expect(await tableExists(database.url, "Post")).toBe(true);
    expect(await tableExists(database.url, "After")).toBe(false);
    const names = await runSql(database.url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.rows.map((row) => row.migration_name)).not.toContain("29990101000000_broken");
  });

  test("refuses to run past a migration Prisma recorded as failed", async () => {
    const database = await emptyDatabase();
    await applyMigrations({ databaseUrl: database.url, migrationsDir });
    await runSql(
      database.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
       VALUES (gen_random_uuid(), repeat('0', 64), '29990101000000_failed_elsewhere', 'boom', 0)`,
    );
    const dir = await copyOfMigrations();
    await addMigration(dir, "29990102000000_next", `CREATE TABLE "Next" ("id" TEXT PRIMARY KEY);`);

    await expect(applyMigrations({ databaseUrl: database.url, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_failed_elsewhere.*prisma migrate resolve/,
    );
    expect(await tableExists(database.url, "Next")).toBe(false);
  });

  test("warns when an applied migration's file was edited afterwards", async () => {
    const database = await emptyDatabase();
    const dir = await copyOfMigrations();
    await applyMigrations({ databaseUrl: database.url, migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited later\n`);
    const lines: string[] = [];

    await applyMigrations({ databaseUrl: database.url, migrationsDir: dir, log: (line) => lines.push(line) });

    expect(lines).toEqual([`Warning: ${first!.name} was changed after it was applied (its checksum differs).`]);
  });
});
