import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ImportFileOptions } from "../lib/transfer/import/run";
import type { ImportProgress, ImportReport } from "../lib/transfer/import/report";
import { withMigratedDatabase } from "./support/databases";

// The dashboard's import jobs: the upload written to the data folder with a byte limit, the job
// row, and the background runner, on a real database. The engine (lib/transfer/import/run.ts) is
// still being written, so the runner is given a stand-in with the engine's signature here.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let jobs: typeof import("../lib/transfer/import/jobs");
let uploadFile: typeof import("../lib/transfer/import/upload-file");
let records: typeof import("../lib/transfer/records");
let reports: typeof import("../lib/transfer/import/report");
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "longhand-imports-"));
  process.env.DATABASE_URL = database.url;
  process.env.LONGHAND_DATA_DIR = dataDir;
  db = (await import("../lib/db")).db;
  jobs = await import("../lib/transfer/import/jobs");
  uploadFile = await import("../lib/transfer/import/upload-file");
  records = await import("../lib/transfer/records");
  reports = await import("../lib/transfer/import/report");
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function makeAdmin() {
  const id = `adm-${randomBytes(5).toString("hex")}`;
  return db.user.create({ data: { id, name: `Admin ${id}`, email: `${id}@example.test`, role: "ADMIN" } });
}

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

/** A body that never ends, counting what it was asked for. */
function endlessBody(chunkBytes: number) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  return { body, pulled };
}

const filesInImports = async () => readdir(path.join(dataDir, "imports")).catch(() => []);

const progress = (bytesRead: number, posts: number, phase: ImportProgress["phase"] = "reading"): ImportProgress => ({
  phase,
  bytesRead,
  totalBytes: 100,
  posts,
  pages: 1,
  comments: posts * 2,
  images: 0,
});

function reportWithOnePost(): ImportReport {
  const builder = new reports.ReportBuilder("blogger");
  builder.count("posts", "created");
  builder.note("comments", "comment by “Marguerite”", "its post is not in the file", { skipped: true });
  return builder.finish(12);
}

/** A stand-in engine that holds until `release` is called, reporting progress as it goes. */
function heldEngine(outcome: () => ImportReport) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const seen: ImportFileOptions[] = [];
  const importFile = async (options: ImportFileOptions) => {
    seen.push(options);
    for (let read = 1; read <= 40; read += 1) options.onProgress?.(progress(read, read));
    await released;
    options.onProgress?.(progress(100, 40, "done"));
    return outcome();
  };
  return { importFile, release, seen };
}

async function queuedJob(content = "<feed>an export</feed>", copyImages = false) {
  const admin = await makeAdmin();
  const { id } = await jobs.receiveImportUpload({ user: admin, fileName: "blog-2011.xml", copyImages, body: streamOf(content) });
  return { id, admin };
}

describe("the upload writer", () => {
  test("writes every byte that arrives, in order, and says how many", async () => {
    const target = path.join(dataDir, "writer", "whole.upload");
    expect(await uploadFile.writeUploadLimited(streamOf("<feed>", "naïve café", "</feed>"), target, 1024)).toBe(Buffer.byteLength("<feed>naïve café</feed>"));
    expect(await readFile(target, "utf8")).toBe("<feed>naïve café</feed>");
  });

  test("stops reading as soon as the limit is passed, whatever the sender claimed, and leaves no file", async () => {
    const target = path.join(dataDir, "writer", "endless.upload");
    const { body, pulled } = endlessBody(64 * 1024);
    await expect(uploadFile.writeUploadLimited(body, target, 1024 * 1024)).rejects.toBeInstanceOf(uploadFile.ImportUploadTooLargeError);
    // The stream's own read-ahead may pull a chunk or two more; never the endless rest.
    expect(pulled.bytes).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
    await expect(readFile(target)).rejects.toMatchObject({ code: "ENOENT" });
  });

  test("a body of exactly the limit is accepted", async () => {
    const target = path.join(dataDir, "writer", "exact.upload");
    expect(await uploadFile.writeUploadLimited(streamOf("x".repeat(2048)), target, 2048)).toBe(2048);
  });
});

describe("import jobs", () => {
  test("an upload becomes a queued job with its file in the data folder; a second one waits its turn", async () => {
    const { id, admin } = await queuedJob("<feed>first</feed>", true);
    const row = await db.importJob.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "QUEUED", fileName: "blog-2011.xml", byteSize: 18, copyImages: true, createdById: admin.id });
    expect(row.filePath).toBe(path.join(dataDir, "imports", `${id}.upload`));
    expect(await readFile(row.filePath!, "utf8")).toBe("<feed>first</feed>");

    const second = jobs.receiveImportUpload({ user: admin, fileName: "again.xml", copyImages: false, body: streamOf("<feed/>") });
    await expect(second).rejects.toMatchObject({ status: 409, message: jobs.ALREADY_RUNNING });
    expect(await db.importJob.count({ where: { fileName: "again.xml" } })).toBe(0);

    const { importFile, release } = heldEngine(reportWithOnePost);
    release();
    expect(await jobs.runImportJob(id, { importFile })).toBe("SUCCEEDED");
  });

  test("while it runs the row shows the progress (a reload sees it); then the report, and the file is gone", async () => {
    const { id } = await queuedJob();
    const { importFile, release, seen } = heldEngine(reportWithOnePost);
    const running = jobs.runImportJob(id, { importFile });
    await expect.poll(async () => (await jobs.findImportJob(id))?.progress?.bytesRead).toBeGreaterThan(0);
    const during = await jobs.findImportJob(id);
    expect(during).toMatchObject({ status: "RUNNING", report: null });
    expect(seen[0]).toMatchObject({ databaseUrl: database.url, filePath: path.join(dataDir, "imports", `${id}.upload`), copyImages: false });

    release();
    expect(await running).toBe("SUCCEEDED");
    const after = await jobs.findImportJob(id);
    expect(after).toMatchObject({ status: "SUCCEEDED", error: null, progress: progress(100, 40, "done") });
    expect(after?.report?.counts.posts.created).toBe(1);
    expect(after?.report?.items).toEqual([{ kind: "comments", what: "comment by “Marguerite”", why: "its post is not in the file" }]);
    expect(after?.finishedAt).not.toBeNull();
    expect(await filesInImports()).not.toContain(`${id}.upload`);
  });

  test("progress is written about once a second, not on every call", async () => {
    const { id } = await queuedJob();
    const updates: string[] = [];
    const count = (event: { query: string }) => {
      if (/UPDATE "public"\."ImportJob"/.test(event.query)) updates.push(event.query);
    };
    db.$on("query", count);
    const { importFile, release } = heldEngine(reportWithOnePost);
    release();
    await jobs.runImportJob(id, { importFile });
    // Started, the first progress, the last (done) progress, finished: 41 calls made 4 writes.
    expect(updates.length).toBeLessThanOrEqual(4);
  });

  test("a file the engine refuses fails with what and where; the file is deleted and the next upload is accepted", async () => {
    const { id, admin } = await queuedJob("<feed><entry>");
    const importFile = async () => {
      throw new records.ImportFileError("The file ends in the middle of an <entry>", 1, 14);
    };
    expect(await jobs.runImportJob(id, { importFile })).toBe("FAILED");
    expect(await jobs.findImportJob(id)).toMatchObject({ status: "FAILED", error: "The file ends in the middle of an <entry> (line 1, column 14)", report: null });
    expect(await filesInImports()).not.toContain(`${id}.upload`);

    const next = await jobs.receiveImportUpload({ user: admin, fileName: "fixed.xml", copyImages: false, body: streamOf("<feed/>") });
    expect(await jobs.runImportJob(next.id, { importFile })).toBe("FAILED");
  });

  test("any other failure is reported as changing nothing, without its internals", async () => {
    const { id } = await queuedJob();
    const importFile = async () => {
      throw new Error('duplicate key value violates unique constraint "Post_slug_key"');
    };
    const logged = console.error;
    console.error = () => {};
    try {
      expect(await jobs.runImportJob(id, { importFile })).toBe("FAILED");
    } finally {
      console.error = logged;
    }
    expect((await jobs.findImportJob(id))?.error).toBe("The import failed and nothing was changed.");
  });

  test("an upload over the limit is refused with 413: no job, no file, and the slot is free again", async () => {
    const admin = await makeAdmin();
    const before = await filesInImports();
    const { body } = endlessBody(32 * 1024);
    const refused = jobs.receiveImportUpload({ user: admin, fileName: "huge.xml", copyImages: false, body, maxBytes: 100 * 1024 });
    await expect(refused).rejects.toMatchObject({ status: 413, message: expect.stringContaining("at most") });
    expect(await db.importJob.count({ where: { createdById: admin.id } })).toBe(0);
    expect(await filesInImports()).toEqual(before);

    const { id } = await jobs.receiveImportUpload({ user: admin, fileName: "small.xml", copyImages: false, body: streamOf("<feed/>") });
    const { importFile, release } = heldEngine(reportWithOnePost);
    release();
    expect(await jobs.runImportJob(id, { importFile })).toBe("SUCCEEDED");
  });

  test("a job left running by a server that stopped shows as interrupted, and its file is removed", async () => {
    const admin = await makeAdmin();
    const id = `orphan-${randomBytes(4).toString("hex")}`;
    const filePath = path.join(dataDir, "imports", `${id}.upload`);
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, "<feed/>");
    await db.importJob.create({ data: { id, status: "RUNNING", fileName: "old.xml", byteSize: 7, filePath, createdById: admin.id, startedAt: new Date() } });

    const [latest] = await jobs.latestImportJobs(1);
    expect(latest).toMatchObject({ id, status: "FAILED", error: jobs.INTERRUPTED });
    expect(await filesInImports()).not.toContain(`${id}.upload`);
  });

  test("the latest imports come newest first", async () => {
    const admin = await makeAdmin();
    for (const [index, fileName] of ["older.xml", "newer.xml"].entries()) {
      await db.importJob.create({ data: { status: "SUCCEEDED", fileName, byteSize: 1, createdById: admin.id, createdAt: new Date(Date.UTC(2030, 0, 1 + index)) } });
    }
    expect((await jobs.latestImportJobs(2)).map((job) => job.fileName)).toEqual(["newer.xml", "older.xml"]);
  });
});
