import "server-only";
import type pg from "pg";
import type { z } from "zod";
import { uploadStorage, type UploadStorage } from "../../uploads/storage";
import { ImportFileError } from "../records";
import { FORMAT_NAME, describeIssue, orList } from "./json-elements";
import { FORMATS, FORMAT_VERSION, formatOf, type Format, type SectionElement, type SectionName } from "./json-formats";
import { restoreLabels, restoreRedirects, restoreSettings, restoreUploads, restoreUsers } from "./json-restore-blog";
import { finishComments, restoreComments } from "./json-restore-comments";
import { restoreCommentSubscriptions } from "./json-restore-subscriptions";
import type { RestoreContext } from "./json-restore-context";
import { finishFeaturedImages, restorePages, restorePosts } from "./json-restore-entries";
import { collectGadgets, finishAppearance, finishLayout } from "./json-restore-look";
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

const WRITERS: { [Name in SectionName]: (context: RestoreContext, rows: SectionElement<Name>[]) => Promise<void> } = {
  users: restoreUsers,
  labels: restoreLabels,
  posts: restorePosts,
  pages: restorePages,
  comments: restoreComments,
  commentSubscriptions: restoreCommentSubscriptions,
  redirects: restoreRedirects,
  uploads: restoreUploads,
  gadgets: collectGadgets,
};

function sectionWriter<Name extends SectionName>(name: Name, schema: z.ZodType<SectionElement<Name>, unknown>, context: RestoreContext): SectionWriter {
  return batched(schema, WRITERS[name])(context);
}

const HEADER = ["format", "version", "exportedAt", "settings"] as const;
const keyOrder = (format: Format): string[] => [...HEADER, ...(format.appearance ? ["appearance"] : []), ...Object.keys(format.sections)];
const sectionOf = (format: Format, key: string): SectionName | undefined => (Object.hasOwn(format.sections, key) ? (key as SectionName) : undefined);

/**
 * Restores a Longhand JSON export (lib/transfer/longhand-export.schema.json) into the blog, keeping
 * its ids: a row with the same id is updated where it differs, anything else is added. Runs inside
 * the caller's transaction and never ends it, so a file refused halfway (ImportFileError, naming
 * the element: "posts[12].status must be DRAFT, SCHEDULED or PUBLISHED") leaves the blog as it was
 * once the caller rolls back. The file is read as it streams, a batch of elements at a time.
 */
export async function restoreLonghandJson(client: pg.ClientBase, input: NodeJS.ReadableStream, report: ReportBuilder, { storage }: { storage?: UploadStorage } = {}): Promise<void> {
  const context: RestoreContext = {
    client,
    report,
    storage: () => (storage ??= uploadStorage()),
    userIds: new Map(),
    labelIds: new Map(),
    authorPaths: new Map(),
    featuredImages: [],
    uploadIds: new Map(),
    appearance: null,
    gadgets: new Map(),
  };
  // The keys before "version" are the same in every version; from it on, the file's version says what comes.
  let format: Format = FORMATS[FORMAT_VERSION];
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
    const order = keyOrder(format);
    if (order[next] !== key) throw misplaced(key, next, order);
    next += 1;
    const section = sectionOf(format, key);
    if (part.kind === "arrayStart") {
      if (section === undefined) throw new ImportFileError(`"${key}" must be ${key === "settings" || key === "appearance" ? "an object or null" : "a single value"}, not an array.`);
      writer = sectionWriter(section, format.sections[section]!, context);
    } else {
      if (section !== undefined) throw new ImportFileError(`"${key}" must be an array.`);
      if (key === "version") format = readVersion(part.value);
      else await readHeader(context, format, key, part.value);
    }
  }
  await writer?.flush();
  const order = keyOrder(format);
  if (next < order.length) throw new ImportFileError(`The export has no "${order[next]}"${next === 0 ? "" : ` after "${order[next - 1]}"`}.`);
  await finishComments(context);
  await finishFeaturedImages(context);
  await finishAppearance(context);
  // A version without gadgets leaves the layout as it is; one with them (even none) replaces it.
  if (format.sections.gadgets) await finishLayout(context);
}

function misplaced(key: string, next: number, order: string[]): ImportFileError {
  if (next === 0) return new ImportFileError(`This is not a Longhand export: it does not start with "format": "${FORMAT_NAME}".`);
  if (!order.includes(key)) return new ImportFileError(`A Longhand export has no "${key}" (it has ${order.join(", ")}).`);
  return new ImportFileError(`"${key}" is out of place: a Longhand export has ${order.join(", ")}, in that order, and "${order[next]}" comes next.`);
}

function readVersion(value: unknown): Format {
  const format = formatOf(value);
  if (format) return format;
  throw new ImportFileError(
    typeof value === "number" && value > FORMAT_VERSION
      ? `This export is from a newer Longhand (format version ${value}); this one reads versions up to ${FORMAT_VERSION}.`
      : `"version" must be ${orList(Object.keys(FORMATS))}, not ${JSON.stringify(value)}.`,
  );
}

async function readHeader(context: RestoreContext, format: Format, key: string, value: unknown): Promise<void> {
  if (key === "format" && value !== FORMAT_NAME) throw new ImportFileError(`This is not a Longhand export: its "format" is ${JSON.stringify(value)}, not "${FORMAT_NAME}".`);
  if (key === "settings") {
    const settings = valid(format.settings, "settings", value);
    if (settings) await restoreSettings(context, settings);
  }
  if (key === "appearance") context.appearance = valid(format.appearance!, "appearance", value);
}

function valid<Output>(schema: z.ZodType<Output>, where: string, value: unknown): Output {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ImportFileError(describeIssue(where, result.error.issues[0]!, value));
}
