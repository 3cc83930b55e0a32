import "server-only";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/session";
import { ImportFileError } from "../records";
import type { ImportProgress, ImportReport } from "./report";
import { importFile } from "./run";
import { ImportUploadTooLargeError, writeUploadLimited } from "./upload-file";

// Dashboard imports run in this server process, one at a time, in the background. The row is the
// state a page reads (so progress and the report survive a reload); the set below is which jobs
// this process is running, so a row left RUNNING by a stopped server is known to be abandoned.
// On globalThis: route handlers and pages may each load their own copy of this module.
const processState = globalThis as unknown as { longhandImportJobs?: Set<string> };
const jobsInThisProcess = (processState.longhandImportJobs ??= new Set<string>());

export const ALREADY_RUNNING = "An import is already running. Wait for it to finish, then try again.";
export const INTERRUPTED = "The import was interrupted; nothing was changed.";
const UNEXPECTED_FAILURE = "The import failed and nothing was changed.";

/** An upload refused before a job was made, with the HTTP status and a message for the person. */
export class ImportRefusedError extends Error {
  constructor(
    readonly status: 400 | 409 | 413,
    message: string,
  ) {
    super(message);
    this.name = "ImportRefusedError";
  }
}

export interface ImportJobView {
  id: string;
  status: ImportStatus;
  fileName: string;
  byteSize: number;
  copyImages: boolean;
  progress: ImportProgress | null;
  report: ImportReport | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ReceiveImportInput {
  user: Pick<CurrentUser, "id">;
  fileName: string;
  copyImages: boolean;
  body: ReadableStream<Uint8Array> | null;
  maxBytes?: number;
}

/**
 * Saves an uploaded export under the data folder and queues a job for it. Refuses (throws
 * ImportRefusedError) while another import runs, for an empty body, and past `maxBytes`. The
 * caller then starts `runImportJob(id)` in the background.
 */
export async function receiveImportUpload({ user, fileName, copyImages, body, maxBytes }: ReceiveImportInput): Promise<{ id: string }> {
  const id = randomUUID();
  // Claimed before a byte is written, so two uploads at once cannot both start.
  if (jobsInThisProcess.size > 0) throw new ImportRefusedError(409, ALREADY_RUNNING);
  jobsInThisProcess.add(id);
  const filePath = path.resolve(config().LONGHAND_DATA_DIR, "imports", `${id}.upload`);
  try {
    if (!body) throw new ImportRefusedError(400, "Choose an export file to import.");
    const byteSize = await writeUploadLimited(body, filePath, maxBytes);
    if (byteSize === 0) throw new ImportRefusedError(400, "That file is empty: choose an export file to import.");
    await db.importJob.create({ data: { id, status: "QUEUED", fileName: fileName.slice(0, 255), byteSize, copyImages, filePath, createdById: user.id } });
    return { id };
  } catch (error) {
    jobsInThisProcess.delete(id);
    await rm(filePath, { force: true });
    if (error instanceof ImportUploadTooLargeError) throw new ImportRefusedError(413, error.message);
    throw error;
  }
}

/**
 * Runs a queued job to the end: progress on the row as the engine reports it (about once a
 * second), then SUCCEEDED with the report, or FAILED with a message for the person (the file's
 * own problem, or that nothing was changed: the engine writes in one transaction). The uploaded
 * file is deleted either way.
 */
export async function runImportJob(id: string): Promise<ImportStatus> {
  jobsInThisProcess.add(id);
  const job = await db.importJob.update({ where: { id }, data: { status: "RUNNING", startedAt: new Date() } });
  const progressWriter = serialProgressWriter(id);
  try {
    const report = await importFile({ databaseUrl: config().DATABASE_URL, filePath: job.filePath ?? "", copyImages: job.copyImages, onProgress: progressWriter.write });
    await progressWriter.settled();
    await finish(id, { status: "SUCCEEDED", report: asJson(report) });
    return "SUCCEEDED";
  } catch (error) {
    if (!(error instanceof ImportFileError)) console.error(`Import job ${id} failed`, error);
    await progressWriter.settled();
    await finish(id, { status: "FAILED", error: error instanceof ImportFileError ? error.message : UNEXPECTED_FAILURE });
    return "FAILED";
  } finally {
    if (job.filePath) await rm(job.filePath, { force: true });
    jobsInThisProcess.delete(id);
  }
}

function finish(id: string, outcome: Pick<Prisma.ImportJobUpdateInput, "status" | "report" | "error">) {
  return db.importJob.update({ where: { id }, data: { ...outcome, filePath: null, finishedAt: new Date() } });
}

/** Writes progress to the row one write at a time, so a slow write is never overtaken by an older one. */
function serialProgressWriter(id: string) {
  let writing: Promise<unknown> = Promise.resolve();
  return {
    write(progress: ImportProgress) {
      writing = writing
        .then(() => db.importJob.update({ where: { id }, data: { progress: asJson(progress) } }))
        .catch((error: unknown) => console.error(`Import job ${id}: progress not saved`, error));
    },
    settled: () => writing,
  };
}

/**
 * Jobs left QUEUED or RUNNING by a server that stopped (this process is not running them) are
 * marked FAILED: the import is one transaction, so nothing was changed. Their files go too.
 */
export async function settleInterruptedImports(): Promise<void> {
  const abandoned = await db.importJob.findMany({
    where: { status: { in: ["QUEUED", "RUNNING"] }, id: { notIn: [...jobsInThisProcess] } },
    select: { id: true, filePath: true },
  });
  if (abandoned.length === 0) return;
  await Promise.all(abandoned.map((job) => (job.filePath ? rm(job.filePath, { force: true }) : undefined)));
  await db.importJob.updateMany({
    where: { id: { in: abandoned.map((job) => job.id) }, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: INTERRUPTED, filePath: null, finishedAt: new Date() },
  });
}

const VIEW_FIELDS = { id: true, status: true, fileName: true, byteSize: true, copyImages: true, progress: true, report: true, error: true, createdAt: true, finishedAt: true } as const;
type JobRow = Prisma.ImportJobGetPayload<{ select: typeof VIEW_FIELDS }>;

/** The most recent imports, newest first (after settling abandoned ones). */
export async function latestImportJobs(take: number): Promise<ImportJobView[]> {
  await settleInterruptedImports();
  const rows = await db.importJob.findMany({ select: VIEW_FIELDS, orderBy: { createdAt: "desc" }, take });
  return rows.map(toView);
}

export async function findImportJob(id: string): Promise<ImportJobView | null> {
  await settleInterruptedImports();
  const row = await db.importJob.findUnique({ where: { id }, select: VIEW_FIELDS });
  return row && toView(row);
}

function toView(row: JobRow): ImportJobView {
  const progress = row.progress as Partial<ImportProgress> | null;
  return {
    ...row,
    progress: typeof progress?.totalBytes === "number" ? (progress as ImportProgress) : null,
    report: row.report as ImportReport | null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

// The report and progress are plain data (strings, numbers, booleans, arrays): JSON as they are.
const asJson = (value: ImportReport | ImportProgress) => value as unknown as Prisma.InputJsonObject;
