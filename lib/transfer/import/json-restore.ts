import "server-only";
import type pg from "pg";
import type { z } from "zod";
import { uploadStorage, type UploadStorage } from "../../uploads/storage";
import { ImportFileError } from "../records";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  commentSchema,
  describeIssue,
  labelSchema,
  pageSchema,
  postSchema,
  redirectSchema,
  settingsSchema,
  uploadSchema,
  userSchema,
} from "./json-elements";
import { restoreLabels, restoreRedirects, restoreSettings, restoreUploads, restoreUsers } from "./json-restore-blog";
import { finishComments, restoreComments } from "./json-restore-comments";
import type { RestoreContext } from "./json-restore-context";
import { finishFeaturedImages, restorePages, restorePosts } from "./json-restore-entries";
import { readTopLevel } from "./json-stream";
import type { ReportBuilder } from "./report";

/** Elements written per statement. */
const ROWS_PER_STATEMENT = 500;

interface SectionWriter {
  add(where: string, value: unknown): Promise<void>;
  flush(): Promise<void>;
}

/** Validates each element and writes them a batch at a time; an id repeated within a batch starts a new one (a statement writes a row once). */
function batched<Row extends { id: string }>(schema: z.ZodType<Row>, write: (context: RestoreContext, rows: Row[]) => Promise<void>) {
  return (context: RestoreContext): SectionWriter => {
    let rows: Row[] = [];
    const ids = new Set<string>();
    const flush = async () => {
      if (rows.length > 0) await write(context, rows);
      rows = [];
      ids.clear();
    };
    return {
      async add(where, value) {
        const row = valid(schema, where, value);
        if (rows.length >= ROWS_PER_STATEMENT || ids.has(row.id)) await flush();
        rows.push(row);
        ids.add(row.id);
      },
      flush,
    };
  };
}

// In the order the sections must come (parents before what refers to them), after the header.
const SECTIONS = {
  users: batched(userSchema, restoreUsers),
  labels: batched(labelSchema, restoreLabels),
  posts: batched(postSchema, restorePosts),
  pages: batched(pageSchema, restorePages),
  comments: batched(commentSchema, restoreComments),
  redirects: batched(redirectSchema, restoreRedirects),
  uploads: batched(uploadSchema, restoreUploads),
};
type SectionName = keyof typeof SECTIONS;
const HEADER = ["format", "version", "exportedAt", "settings"] as const;
const KEY_ORDER: string[] = [...HEADER, ...Object.keys(SECTIONS)];

const isSection = (key: string): key is SectionName => Object.hasOwn(SECTIONS, key);

/**
 * Restores a Longhand JSON export (lib/transfer/longhand-export.schema.json) into the blog, keeping
 * its ids: a row with the same id is updated where it differs, anything else is added. Runs inside
 * the caller's transaction and never ends it, so a file refused halfway (ImportFileError, naming
 * the element: "posts[12].status must be DRAFT, SCHEDULED or PUBLISHED") leaves the blog as it was
 * once the caller rolls back. The file is read as it streams, a batch of elements at a time.
 */
export async function restoreLonghandJson(client: pg.ClientBase, input: NodeJS.ReadableStream, report: ReportBuilder, { storage }: { storage?: UploadStorage } = {}): Promise<void> {
  const context: RestoreContext = { client, report, storage: () => (storage ??= uploadStorage()), userIds: new Map(), labelIds: new Map(), featuredImages: [] };
  let next = 0;
  let writer: SectionWriter | null = null;

  for await (const part of readTopLevel(input)) {
    if (part.kind === "element") {
      await writer!.add(`${part.section}[${part.index}]`, part.value);
      continue;
    }
    const key = part.kind === "value" ? part.key : part.section;
    await writer?.flush();
    writer = null;
    if (KEY_ORDER[next] !== key) throw misplaced(key, next);
    next += 1;
    if (part.kind === "arrayStart") {
      if (!isSection(key)) throw new ImportFileError(`"${key}" must be ${key === "settings" ? "an object or null" : "a single value"}, not an array.`);
      writer = SECTIONS[key](context);
    } else {
      if (isSection(key)) throw new ImportFileError(`"${key}" must be an array.`);
      await readHeader(context, key, part.value);
    }
  }
  await writer?.flush();
  if (next < KEY_ORDER.length) throw new ImportFileError(`The export has no "${KEY_ORDER[next]}"${next === 0 ? "" : ` after "${KEY_ORDER[next - 1]}"`}.`);
  await finishComments(context);
  await finishFeaturedImages(context);
}

function misplaced(key: string, next: number): ImportFileError {
  if (next === 0) return new ImportFileError(`This is not a Longhand export: it does not start with "format": "${FORMAT_NAME}".`);
  if (!KEY_ORDER.includes(key)) return new ImportFileError(`A Longhand export has no "${key}" (it has ${KEY_ORDER.join(", ")}).`);
  return new ImportFileError(`"${key}" is out of place: a Longhand export has ${KEY_ORDER.join(", ")}, in that order, and "${KEY_ORDER[next]}" comes next.`);
}

async function readHeader(context: RestoreContext, key: string, value: unknown): Promise<void> {
  if (key === "format" && value !== FORMAT_NAME) throw new ImportFileError(`This is not a Longhand export: its "format" is ${JSON.stringify(value)}, not "${FORMAT_NAME}".`);
  if (key === "version" && value !== FORMAT_VERSION) {
    throw new ImportFileError(
      typeof value === "number" && value > FORMAT_VERSION
        ? `This export is from a newer Longhand (format version ${value}); this one reads version ${FORMAT_VERSION}.`
        : `"version" must be ${FORMAT_VERSION}, not ${JSON.stringify(value)}.`,
    );
  }
  if (key === "settings") {
    const settings = valid(settingsSchema, "settings", value);
    if (settings) await restoreSettings(context, settings);
  }
}

function valid<Output>(schema: z.ZodType<Output>, where: string, value: unknown): Output {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ImportFileError(describeIssue(where, result.error.issues[0]!, value));
}
