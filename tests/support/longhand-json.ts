import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import Ajv2020 from "ajv/dist/2020";
import pg from "pg";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrismaClient } from "../../scripts/lib/prisma";
import { createTestDatabase, type TestDatabase } from "./databases";
import type { ImportReport } from "../../lib/transfer/import/report";
import type { UploadStorage } from "../../lib/uploads/storage";

// The Longhand JSON export and its restore as the tests drive them. The modules are loaded on first
// use, as the tests load lib modules: after a test file has set up its environment.

/** The export as text, and how many chunks the exporter streamed it in. */
export async function exportJsonText(db: PrismaClient, now: Date): Promise<{ text: string; chunks: number }> {
  const { exportJson } = await import("../../lib/transfer/export/json");
  let text = "";
  let chunks = 0;
  for await (const chunk of exportJson(db, { now, siteUrl: "https://blog.example.test" })) {
    text += chunk;
    chunks += 1;
  }
  return { text, chunks };
}

/** New empty blogs to restore into, each with `prepare` run on it first; `dropAll` when the file is done. */
export function emptyBlogs() {
  const made: TestDatabase[] = [];
  return {
    async create(prepare?: (db: PrismaClient) => Promise<unknown>): Promise<{ url: string; db: PrismaClient }> {
      const target = await createTestDatabase({ migrated: true });
      made.push(target);
      const db = createPrismaClient(target.url);
      await prepare?.(db);
      return { url: target.url, db };
    },
    async dropAll(): Promise<void> {
      for (const target of made) await target.drop();
    },
  };
}

/** The version 2 file as version 1 wrote it: no author pages, bios, notice choices, subscriptions, appearance nor gadgets. */
export function asVersion1(text: string): string {
  const document = JSON.parse(text);
  document.version = 1;
  for (const user of document.users) {
    delete user.slug;
    delete user.bio;
    delete user.commentNotices;
  }
  delete document.commentSubscriptions;
  delete document.appearance;
  delete document.gadgets;
  return JSON.stringify(document, null, 2);
}

/** Whether a parsed export is valid against the published JSON Schema, and if not, why. */
export async function checkAgainstSchema(document: unknown): Promise<{ valid: boolean; errors: string }> {
  const schema = JSON.parse(await readFile(path.join(import.meta.dirname, "../../lib/transfer/longhand-export.schema.json"), "utf8"));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat("date-time", (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value));
  const validate = ajv.compile(schema);
  return { valid: validate(document), errors: ajv.errorsText(validate.errors) };
}

/** Runs the restore in a transaction of our own, as the engine does: committed when it succeeds, rolled back when it throws. */
export async function restoreJsonText(databaseUrl: string, text: string, storage?: UploadStorage): Promise<ImportReport> {
  const { restoreLonghandJson } = await import("../../lib/transfer/import/json-restore");
  const { ReportBuilder } = await import("../../lib/transfer/import/report");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const report = new ReportBuilder("longhand-json");
  try {
    await client.query("BEGIN");
    await restoreLonghandJson(client, Readable.from([Buffer.from(text)]), report, { storage });
    await client.query("COMMIT");
    return report.finish(0);
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}
