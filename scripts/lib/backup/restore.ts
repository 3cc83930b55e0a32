import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import pg from "pg";
import { contentTypeOf, type UploadStorage } from "../../../lib/uploads/storage";
import { inTransaction } from "../transaction";
import { applyAndRecord, applyMigrations, createMigrationsTable, type Migration, readMigrations } from "../migrator";
import { checkArchive, readWhole } from "./archive";
import { type BackupManifest, RestoreRefusedError, tableEntry, UPLOADS_PREFIX } from "./manifest";
import { tableShapes } from "./snapshot";
import { readTarEntry, type TarEntry } from "./tar";

export interface RestoreOptions {
  file: string;
  databaseUrl: string;
  migrationsDir: string;
  /** Where the backup's image files go: the configured storage (UPLOAD_STORAGE). */
  uploads: UploadStorage;
  uploadStorage: "local" | "database";
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations newer than the backup, applied after its rows were loaded. */
  newerMigrations: string[];
}

// Rows per INSERT, and characters of JSON: whichever comes first.
const INSERT_ROWS = 500;
const INSERT_CHARACTERS = 16 * 1024 * 1024;

/**
 * Restores a backup made by createBackup into an empty database and uploads folder. Everything
 * is checked before anything changes: the format, the migrations (the backup's must be this
 * code's first ones), every entry's size and SHA-256, that the database has no tables and the
 * folder no images. The backup's schema and rows then go in as one transaction, its foreign keys
 * checked once all rows are in; migrations newer than the backup follow, then the images.
 */
export async function restoreBackup({ file, databaseUrl, migrationsDir, uploads, uploadStorage, log = () => {} }: RestoreOptions): Promise<RestoreResult> {
  const { manifest, entries, uploadKeys } = await checkArchive(file);
  const migrations = await readMigrations(migrationsDir);
  const backupMigrations = migrationsOfBackup(manifest, migrations);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await refuseUnlessEmpty(client, uploadKeys.length > 0 && uploadStorage === "local" ? uploads : null);
    await inTransaction(client, async () => {
      await createMigrationsTable(client);
      for (const migration of backupMigrations) await applyAndRecord(client, migration);
      await loadRows(client, file, manifest, entries);
    });
  } finally {
    await client.end();
  }
  log(`Restored ${manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows in ${manifest.tables.length} tables.`);
  const { applied } = await applyMigrations({ databaseUrl, migrationsDir, log });
  for (const key of uploadKeys) {
    const entry = entries.get(`${UPLOADS_PREFIX}${key}`)!;
    await uploads.put(key, await readWhole(file, entry), contentTypeOf(key)!);
  }
  if (uploadKeys.length > 0) log(`Restored ${uploadKeys.length} image files.`);
  return { manifest, newerMigrations: applied };
}

/** This code's migrations the backup was made at: they must be its first ones, in order. */
function migrationsOfBackup(manifest: BackupManifest, migrations: Migration[]): Migration[] {
  const known = new Set(migrations.map((migration) => migration.name));
  const newer = manifest.migrations.filter((migration) => !known.has(migration.name));
  if (newer.length > 0) {
    throw new RestoreRefusedError(
      `The backup was made by a newer Longhand: its database has migrations this code does not know (${newer.map((migration) => migration.name).join(", ")}). Restore it with that version or a later one.`,
    );
  }
  const mismatch = manifest.migrations.findIndex((migration, index) => migrations[index]?.name !== migration.name);
  if (mismatch >= 0) throw new RestoreRefusedError(`The backup's migrations differ from this code's from ${manifest.migrations[mismatch]!.name} on.`);
  return migrations.slice(0, manifest.migrations.length);
}

async function refuseUnlessEmpty(client: pg.Client, uploadsFolder: UploadStorage | null) {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname`,
  );
  if (rows.length > 0) {
    const names = rows.map((row) => row.name);
    throw new RestoreRefusedError(
      `The database is not empty (it has ${names.length} tables: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}). ` +
        "A backup is restored only into an empty database: create a new one and point DATABASE_URL at it. Nothing was changed.",
    );
  }
  if (uploadsFolder && (await uploadsFolder.list()).length > 0) {
    throw new RestoreRefusedError("The uploads folder (UPLOADS_DIR) already holds images. Restore into an empty folder. Nothing was changed.");
  }
}

/**
 * The backup's rows, table by table. Foreign keys are dropped first and added again at the end,
 * so tables go in any order (comments before the comments they reply to) and every reference is
 * still checked, once, before the transaction commits.
 */
async function loadRows(client: pg.ClientBase, file: string, manifest: BackupManifest, entries: Map<string, TarEntry>) {
  const shapes = new Map((await tableShapes(client)).map((shape) => [shape.name, shape.columns.join(",")]));
  const expected = manifest.tables.map((table) => table.name).sort();
  if (expected.join(",") !== [...shapes.keys()].sort().join(",") || manifest.tables.some((table) => shapes.get(table.name) !== table.columns.join(","))) {
    throw new RestoreRefusedError("The backup's tables and columns do not match its migrations: it was not made by Longhand, or was changed. Nothing was changed.");
  }
  const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`);
  for (const table of manifest.tables) {
    // The database was empty, so any row here is one a migration wrote (the default layout's
    // gadgets): the backup's own rows of the table replace it.
    await client.query(`DELETE FROM ${client.escapeIdentifier(table.name)}`);
    const loaded = await insertLines(client, table, readTarEntry(file, entries.get(tableEntry(table.name))!));
    if (loaded !== table.rows) throw new RestoreRefusedError(`${table.name} has ${loaded} rows in the backup, but its manifest says ${table.rows}. Nothing was changed.`);
  }
  for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`);
}

async function insertLines(client: pg.ClientBase, table: BackupManifest["tables"][number], content: AsyncIterable<Buffer>): Promise<number> {
  const name = client.escapeIdentifier(table.name);
  const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(", ");
  const insert = (lines: string[]) => client.query(`INSERT INTO ${name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`, [`[${lines.join(",")}]`]);
  let batch: string[] = [];
  let characters = 0;
  let count = 0;
  for await (const line of createInterface({ input: Readable.from(content), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    characters += line.length;
    count += 1;
    if (batch.length >= INSERT_ROWS || characters >= INSERT_CHARACTERS) {
      await insert(batch);
      batch = [];
      characters = 0;
    }
  }
  if (batch.length > 0) await insert(batch);
  return count;
}
