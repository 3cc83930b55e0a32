import { copyFile, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LocalFolderStorage } from "../lib/uploads/storage";
import { readWhole } from "../scripts/lib/backup/archive";
import { createBackup } from "../scripts/lib/backup/create";
import { MANIFEST_ENTRY, RestoreRefusedError, tableEntry } from "../scripts/lib/backup/manifest";
import { restoreBackup } from "../scripts/lib/backup/restore";
import { readTarEntry, readTarIndex, TarWriter } from "../scripts/lib/backup/tar";
import { seedDatabase } from "../scripts/lib/demo-content";
import { migrationsDir } from "../scripts/lib/paths";
import { createPrismaClient } from "../scripts/lib/prisma";
import { createTestDatabase, runSql, withMigratedDatabase, type TestDatabase } from "./support/databases";

// A whole blog backed up with `npm run backup`'s function and restored with `npm run restore`'s
// into a second, fresh database and folder: every table's rows and every image's bytes come back.
const source = withMigratedDatabase();
let work: string;
let sourceFolder: LocalFolderStorage;
let backupFile: string;
let LocalFolder: typeof LocalFolderStorage;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  process.env.DATABASE_URL = source.url;
  work = await mkdtemp(path.join(tmpdir(), "longhand-backup-"));
  LocalFolder = (await import("../lib/uploads/storage")).LocalFolderStorage;
  sourceFolder = new LocalFolder(path.join(work, "uploads"));
  await makeBlog();
  ({ file: backupFile } = await createBackup({ databaseUrl: source.url, uploadsFolder: sourceFolder, folder: work, appVersion: "test" }));
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  await rm(work, { recursive: true, force: true });
});

/** The demo blog (users, settings, labelled posts, comments with replies, a page) plus uploaded images, one of them featured. */
async function makeBlog() {
  expect((await seedDatabase(source.url)).seeded).toBe(true);
  const { storeUpload } = await import("../lib/uploads/images");
  const prisma = createPrismaClient(source.url);
  try {
    const author = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const user = { id: author.id, name: author.name, email: author.email!, role: "ADMIN" as const };
    const photo = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#2a5aa0" } }).jpeg().toBuffer();
    const featured = await storeUpload({ user, fileName: "harbour.jpg", bytes: photo, storage: sourceFolder });
    const gif = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#a05a2a" } }).gif().toBuffer();
    await storeUpload({ user, fileName: "dot.gif", bytes: gif, storage: sourceFolder });
    const post = await prisma.post.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" } });
    await prisma.post.update({ where: { id: post.id }, data: { featuredImageId: featured.id } });
  } finally {
    await prisma.$disconnect();
  }
}

/** Every table's rows, as JSON text in a fixed order, and the migrations applied. */
async function contentsOf(url: string) {
  const tables = await runSql(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`);
  const rows: Record<string, string[]> = {};
  for (const { tablename } of tables.rows as { tablename: string }[]) {
    const result = await runSql(url, `SELECT row_to_json(t)::text AS row FROM "${tablename}" t ORDER BY 1`);
    rows[tablename] = result.rows.map((row: { row: string }) => row.row);
  }
  const migrations = await runSql(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
  return { rows, migrations: migrations.rows.map((row: { migration_name: string }) => row.migration_name) };
}

async function emptyDatabase() {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

async function filesOf(folder: LocalFolderStorage) {
  const keys = (await folder.list()).sort();
  return Promise.all(keys.map(async (key) => ({ key, bytes: (await folder.get(key))!.bytes })));
}

const restore = (file: string, databaseUrl: string, uploads: LocalFolderStorage) =>
  restoreBackup({ file, databaseUrl, migrationsDir, uploads, uploadStorage: "local" });

describe("backup and restore", () => {
  test("a blog restored into a fresh database and folder has every row of every table and every image byte for byte", async () => {
    const before = await contentsOf(source.url);
    expect(before.rows.Comment!.some((row) => JSON.parse(row).parentId !== null)).toBe(true);
    for (const table of ["User", "Setting", "Label", "PostLabel", "Post", "Page", "Comment", "Upload"]) expect(before.rows[table], table).not.toHaveLength(0);

    const target = await emptyDatabase();
    const targetFolder = new LocalFolder(path.join(work, "restored-uploads"));
    const { manifest } = await restore(backupFile, target.url, targetFolder);

    expect(await contentsOf(target.url)).toEqual(before);
    const images = await filesOf(sourceFolder);
    expect(images).toHaveLength(4);
    expect(await filesOf(targetFolder)).toEqual(images);
    expect(manifest.tables.find((table) => table.name === "Post")?.rows).toBe(before.rows.Post!.length);
    expect(manifest.files.filter((file) => file.path.startsWith("uploads/")).map((file) => file.path.slice("uploads/".length))).toEqual(images.map((image) => image.key));
  });

  test("with UPLOAD_STORAGE=database the images travel inside the database", async () => {
    const blog = await createTestDatabase({ migrated: true });
    databases.push(blog);
    const prisma = createPrismaClient(blog.url);
    const { DatabaseStorage } = await import("../lib/uploads/database-storage");
    const bytes = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#123456" } }).png().toBuffer();
    await new DatabaseStorage(prisma).put("2026/11/0123456789abcdef0123.png", bytes, "image/png");
    await prisma.$disconnect();

    const { file, manifest } = await createBackup({ databaseUrl: blog.url, uploadsFolder: null, folder: work, appVersion: "test", now: new Date(Date.UTC(2026, 0, 2)) });
    expect(manifest).toMatchObject({ uploadStorage: "database" });
    expect(manifest.files.map((entry) => entry.path)).not.toContain("uploads/2026/11/0123456789abcdef0123.png");
    const target = await emptyDatabase();
    const targetPrisma = createPrismaClient(target.url);
    await restoreBackup({ file, databaseUrl: target.url, migrationsDir, uploads: new DatabaseStorage(targetPrisma), uploadStorage: "database" });
    const restored = await new DatabaseStorage(targetPrisma).get("2026/11/0123456789abcdef0123.png");
    await targetPrisma.$disconnect();
    expect(restored?.bytes.equals(bytes)).toBe(true);
  });
});

describe("restore refuses, changing nothing", () => {
  async function expectRefusal(file: string, database: TestDatabase, folder: LocalFolderStorage, message: RegExp) {
    const before = { tables: await contentsOfAny(database.url), files: await filesOf(folder) };
    const refusal = await restore(file, database.url, folder).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RestoreRefusedError);
    expect((refusal as Error).message).toMatch(message);
    expect({ tables: await contentsOfAny(database.url), files: await filesOf(folder) }).toEqual(before);
  }

  const contentsOfAny = async (url: string) => {
    const tables = await runSql(url, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    return tables.rows[0].n === 0 ? "no tables" : contentsOf(url);
  };

  test("a database that is not empty", async () => {
    const used = await createTestDatabase({ migrated: true });
    databases.push(used);
    await runSql(used.url, `INSERT INTO "Label" (id, name, slug) VALUES ('kept', 'Kept', 'kept')`);
    await expectRefusal(backupFile, used, new LocalFolder(path.join(work, "never-1")), /The database is not empty .*Nothing was changed/);
  });

  test("an uploads folder that already holds images", async () => {
    const folder = new LocalFolder(path.join(work, "occupied"));
    await folder.put("2020/01/aaaaaaaaaaaaaaaaaaaa.png", Buffer.from("x"), "image/png");
    await expectRefusal(backupFile, await emptyDatabase(), folder, /uploads folder .* already holds images/);
  });

  test("a backup damaged after it was made", async () => {
    const damaged = path.join(work, "damaged.tar");
    await copyFile(backupFile, damaged);
    const handle = await open(damaged, "r+");
    const post = (await readTarIndex(handle)).get(tableEntry("Post"))!;
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, post.offset + 10);
    await handle.write(Buffer.from([byte[0]! ^ 0x20]), 0, 1, post.offset + 10);
    await handle.close();
    await expectRefusal(damaged, await emptyDatabase(), new LocalFolder(path.join(work, "never-2")), /database\/Post\.ndjson .* does not match its checksum/);
  });

  test("a file that is not a backup", async () => {
    const notes = path.join(work, "notes.tar");
    await writeFile(notes, "These are not the rows you are looking for.\n".repeat(40));
    await expectRefusal(notes, await emptyDatabase(), new LocalFolder(path.join(work, "never-3")), /not a Longhand backup/);
  });

  test("a backup in another format version, or from code with newer migrations", async () => {
    const edited = (change: (manifest: Record<string, unknown>) => void, name: string) => rewriteManifest(name, change);
    const future = await edited((manifest) => (manifest.formatVersion = 2), "format-2.tar");
    await expectRefusal(future, await emptyDatabase(), new LocalFolder(path.join(work, "never-4")), /format version 2; this Longhand restores version 1 only/);
    const newer = await edited((manifest) => (manifest.migrations as unknown[]).push({ name: "29991231000000_from_the_future", checksum: "0" }), "newer.tar");
    await expectRefusal(newer, await emptyDatabase(), new LocalFolder(path.join(work, "never-5")), /made by a newer Longhand.*29991231000000_from_the_future/);
  });
});

/** A copy of the backup with its manifest changed (every other entry as it was). */
async function rewriteManifest(name: string, change: (manifest: Record<string, unknown>) => void): Promise<string> {
  const original = await open(backupFile, "r");
  const entries = await readTarIndex(original);
  await original.close();
  const target = path.join(work, name);
  const copy = await open(target, "w");
  const archive = new TarWriter(copy);
  for (const entry of entries.values()) {
    if (entry.name !== MANIFEST_ENTRY) await archive.add(entry.name, readTarEntry(backupFile, entry));
  }
  const manifest = JSON.parse((await readWhole(backupFile, entries.get(MANIFEST_ENTRY)!)).toString("utf8")) as Record<string, unknown>;
  change(manifest);
  await archive.add(MANIFEST_ENTRY, [JSON.stringify(manifest)]);
  await archive.finish();
  await copy.close();
  return target;
}
