import "server-only";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform, pipeline, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import pg from "pg";
import { ImportFileError } from "../records";
import { importXmlRecords } from "./xml-import";
import { restoreLonghandJson } from "./json-restore";
import { ProgressMeter } from "./progress";
import { queuedClient } from "./sql";
import { ReportBuilder, type ImportProgress, type ImportReport } from "./report";

export interface ImportFileOptions {
  databaseUrl: string;
  filePath: string;
  /** Every entry's author is this account (by email) instead of the source's authors. */
  authorEmail?: string;
  /** Fetch remote images into the uploads store and point the bodies at the copies. */
  copyImages?: boolean;
  /** Called about once a second while the import runs, and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting rolls the import back: the blog is left as it was. */
  signal?: AbortSignal;
  /** For images fetched with --copy-images (tests serve them locally). */
  fetchImage?: typeof fetch;
}

/** Another import holds the lock: imports run one at a time, whoever starts them. */
export class ImportBusyError extends ImportFileError {
  name = "ImportBusyError";
  constructor() {
    super("Another import is running on this blog. Try again when it has finished.");
  }
}

/** An import stopped by its caller (Ctrl-C, a cancelled job): rolled back, nothing changed. */
export class ImportAbortedError extends Error {
  name = "ImportAbortedError";
  constructor() {
    super("The import was stopped before it finished; nothing was changed.");
  }
}

/**
 * Imports a Blogger (classic or Takeout), WordPress (WXR) or Longhand (JSON) export into the
 * blog, all in one transaction: a malformed file, a failure or an abort changes nothing, and the
 * file is read as it streams, so its size does not decide the memory it needs. Throws
 * ImportFileError for a file that cannot be imported (what is wrong, and where).
 */
export async function importFile(options: ImportFileOptions): Promise<ImportReport> {
  const started = Date.now();
  const { filePath, signal } = options;
  const { size } = await stat(filePath);
  const kind = await sniff(filePath);
  const progress = new ProgressMeter(size, options.onProgress);
  const bytes = countedStream(filePath, progress, signal);
  const connection = new pg.Client({ connectionString: options.databaseUrl, application_name: "longhand-import" });
  await connection.connect();
  const client = queuedClient(connection);
  let discardImages = async () => {};
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('longhand:import')) AS locked`);
    if (!rows[0]?.locked) throw new ImportBusyError();
    let report: ReportBuilder;
    if (kind === "json") {
      report = new ReportBuilder("longhand-json");
      await restoreLonghandJson(connection, bytes, report);
    } else {
      const result = await importXmlRecords({ client, chunks: decodeUtf8(bytes), progress, options, onImageCopier: (discard) => (discardImages = discard) });
      report = result.report;
    }
    if (signal?.aborted) throw new ImportAbortedError();
    await client.query("COMMIT");
    progress.finish();
    return report.finish(Date.now() - started);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    await discardImages();
    throw signal?.aborted ? new ImportAbortedError() : error;
  } finally {
    bytes.destroy();
    await connection.end();
  }
}

/** JSON or XML, from the first character that is not white space (never the file's name). */
async function sniff(filePath: string): Promise<"json" | "xml"> {
  const file = await open(filePath);
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(4096), position: 0 });
    const start = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "").trimStart();
    if (!start) throw new ImportFileError("The file is empty.");
    if (start.startsWith("{")) return "json";
    if (start.startsWith("<")) return "xml";
    throw new ImportFileError(`This is not a Blogger, WordPress or Longhand export: it starts with “${start.slice(0, 40).replace(/\s+/g, " ")}”, where an export starts with "<" (XML) or "{" (JSON).`, 1, 1);
  } finally {
    await file.close();
  }
}

/** The file's bytes, counted for the progress bar; aborting ends the stream with an error. */
function countedStream(filePath: string, progress: ProgressMeter, signal?: AbortSignal): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      progress.read(chunk.length);
      done(null, chunk);
    },
  });
  const stream = pipeline(createReadStream(filePath, { highWaterMark: 256 * 1024 }), counter, () => {});
  signal?.addEventListener("abort", () => stream.destroy(new ImportAbortedError()), { once: true });
  return stream;
}

async function* decodeUtf8(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // A character split across two chunks is joined, never turned into two replacement characters.
  const decoder = new StringDecoder("utf8");
  for await (const chunk of bytes) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}
