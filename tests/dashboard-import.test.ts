import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// The dashboard's import jobs: the upload written to the data folder with a byte limit, the job
// row, and the background runner with the real engine, on a real database, with the Blogger
// export in tests/fixtures/import/.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let jobs: typeof import("../lib/transfer/import/jobs");
let uploadFile: typeof import("../lib/transfer/import/upload-file");
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "longhand-imports-"));
  process.env.DATABASE_URL = database.url;
  process.env.LONGHAND_DATA_DIR = dataDir;
  db = (await import("../lib/db")).db;
  jobs = await import("../lib/transfer/import/jobs");
  uploadFile = await import("../lib/transfer/import/upload-file");
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

const bloggerExport = () => readFile(path.join(import.meta.dirname, "fixtures", "import", "blogger-classic.xml"), "utf8");

async function queuedJob(content: string, copyImages = false) {
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

    // Not an export: it fails with why, and the slot is free again.
    expect(await jobs.runImportJob(id)).toBe("FAILED");
    expect((await jobs.findImportJob(id))?.error).toMatch(/^This is not a Blogger or WordPress export: its document element is <feed>/);
  });

  test("a Blogger export imports: the report and the last progress are on the row, the post is on the blog, and the file is gone", async () => {
    const content = await bloggerExport();
    const { id } = await queuedJob(content);
    expect(await jobs.runImportJob(id)).toBe("SUCCEEDED");

    const job = await jobs.findImportJob(id);
    expect(job).toMatchObject({ status: "SUCCEEDED", error: null, byteSize: Buffer.byteLength(content) });
    expect(job?.progress).toMatchObject({ phase: "done", bytesRead: Buffer.byteLength(content), totalBytes: Buffer.byteLength(content) });
    expect(job?.progress?.posts).toBeGreaterThanOrEqual(2);
    expect(job?.report).toMatchObject({ format: "blogger", unchanged: false });
    expect(job?.report?.counts.posts.created).toBeGreaterThanOrEqual(2);
    expect(job?.finishedAt).not.toBeNull();
    expect(await db.post.findFirst({ where: { permalink: "/2011/09/lantern-ledger-and-long-night" }, select: { title: true } })).toEqual({
      title: "A lantern, a ledger & a long night",
    });
    expect(await filesInImports()).not.toContain(`${id}.upload`);

    const again = await queuedJob(content);
    expect(await jobs.runImportJob(again.id)).toBe("SUCCEEDED");
    expect((await jobs.findImportJob(again.id))?.report?.unchanged).toBe(true);
  });

  test("a truncated file fails with what and where, and changes nothing", async () => {
    const content = await bloggerExport();
    const postsBefore = await db.post.count();
    const { id } = await queuedJob(content.slice(0, Math.floor(content.length / 2)));
    expect(await jobs.runImportJob(id)).toBe("FAILED");
    const job = await jobs.findImportJob(id);
    expect(job).toMatchObject({ status: "FAILED", report: null });
    expect(job?.error).toMatch(/\(line \d+, column \d+\)$/);
    expect(await db.post.count()).toBe(postsBefore);
    expect(await filesInImports()).not.toContain(`${id}.upload`);
  });

  test("any other failure is reported as changing nothing, without its internals", async () => {
    const { id } = await queuedJob("<feed/>");
    // The upload vanished from the disk before the import began.
    await rm(path.join(dataDir, "imports", `${id}.upload`));
    const logged = console.error;
    console.error = () => {};
    try {
      expect(await jobs.runImportJob(id)).toBe("FAILED");
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

    const { id } = await jobs.receiveImportUpload({ user: admin, fileName: "small.xml", copyImages: false, body: streamOf("<rss/>") });
    expect(await jobs.runImportJob(id)).toBe("FAILED");
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
