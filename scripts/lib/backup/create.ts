import { open, rename, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { UploadStorage } from "../../../lib/uploads/storage";
import { BACKUP_FORMAT_VERSION, type BackupManifest, MANIFEST_ENTRY, tableEntry, UPLOADS_PREFIX } from "./manifest";
import { appliedMigrations, tableLines, tableShapes } from "./snapshot";
import { TarWriter, type WrittenEntry } from "./tar";

export interface BackupOptions {
  databaseUrl: string;
  /** The uploads folder when images are files; null when they are rows of the database. */
  uploadsFolder: UploadStorage | null;
  folder: string;
  appVersion: string;
  now?: Date;
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
}

/** "longhand-backup-2026-11-30T02-30-00Z.tar": sorts by time, and is a valid name on every system. */
export const backupFileName = (now: Date) => `longhand-backup-${now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-")}.tar`;

/**
 * Writes the whole blog into one tar file in `folder`: every table as JSON lines, all read in one
 * REPEATABLE READ READ ONLY transaction so they agree with each other whatever the blog is doing;
 * then the uploads folder's files; then manifest.json, which describes and checksums the rest.
 * Written beside its name and renamed at the end, so a failed backup leaves no half a file.
 */
export async function createBackup({ databaseUrl, uploadsFolder, folder, appVersion, now = new Date() }: BackupOptions): Promise<BackupResult> {
  const target = path.join(folder, backupFileName(now));
  const partial = `${target}.partial`;
  const file = await open(partial, "wx");
  try {
    const archive = new TarWriter(file);
    const database = await writeDatabase(archive, databaseUrl, now);
    // Images uploaded after the snapshot may be copied too: a file without a row is harmless,
    // and one deleted meanwhile is missing from the manifest rather than broken in it.
    const uploads: WrittenEntry[] = [];
    for (const key of uploadsFolder ? (await uploadsFolder.list()).sort() : []) {
      const stored = await uploadsFolder!.get(key);
      if (stored) uploads.push(await archive.add(`${UPLOADS_PREFIX}${key}`, [stored.bytes], stored.storedAt));
    }
    const manifest: BackupManifest = {
      format: "longhand-backup",
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      appVersion,
      uploadStorage: uploadsFolder ? "local" : "database",
      migrations: database.migrations,
      tables: database.tables,
      files: [...database.files, ...uploads].map(({ name, bytes, sha256 }) => ({ path: name, bytes, sha256 })),
    };
    await archive.add(MANIFEST_ENTRY, [`${JSON.stringify(manifest, null, 2)}\n`], now);
    await archive.finish();
    await file.sync();
    await file.close();
    await rename(partial, target);
    return { file: target, manifest };
  } catch (error) {
    await file.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeDatabase(archive: TarWriter, databaseUrl: string, now: Date) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    const tables: BackupManifest["tables"] = [];
    const files: WrittenEntry[] = [];
    for (const table of await tableShapes(client)) {
      let rows = 0;
      files.push(await archive.add(tableEntry(table.name), tableLines(client, table, (count) => (rows += count)), now));
      tables.push({ name: table.name, columns: table.columns, rows });
    }
    await client.query("COMMIT");
    return { migrations, tables, files };
  } finally {
    await client.end();
  }
}
