import "server-only";
import { htmlToText, sanitizePostHtml } from "@/lib/html";
import { permalinkFor, slugify } from "@/lib/permalinks";
import type { PostStatus } from "../../generated/prisma/enums";
import type { EntryRecord } from "../records";
import type { AuthorDirectory } from "./authors";
import type { LabelDirectory } from "./labels";
import type { RedirectStage } from "./redirects";
import type { ReportBuilder } from "./report";
import { asUtcTimestamp, newId, utcText, type ImportClient } from "./sql";

const POST_PERMALINK = /^\/\d{4}\/(0[1-9]|1[0-2])\/[a-z0-9][a-z0-9-]{0,79}$/;
const MAX_TITLE = 200;
const MAX_EXCERPT = 1000;

/** The columns an import writes, for a post or a page. */
export interface EntryRow {
  id: string;
  importKey: string;
  title: string;
  slug: string;
  /** Posts only. */
  permalink: string | null;
  bodyHtml: string;
  excerpt: string | null;
  status: PostStatus;
  publishedAt: Date | null;
  commentsOpen: boolean;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
  trashedAt: Date | null;
}

export interface EntryContext {
  client: ImportClient;
  report: ReportBuilder;
  authors: AuthorDirectory;
  labels: LabelDirectory;
  redirects: RedirectStage;
  /** The blog's time zone, for permalinks computed from a date. */
  timeZone: () => string;
  /** Rewrites image addresses to local copies (--copy-images), before sanitizing. */
  rewriteImages?: (html: string) => Promise<string>;
  now: Date;
}

/** "Untitled" posts would leave an empty heading: the start of the text stands in, as Blogger's own lists do. */
function titleFor(record: EntryRecord, bodyHtml: string, report: ReportBuilder): string {
  const title = record.title.replace(/\s+/g, " ").trim();
  if (title) return title.slice(0, MAX_TITLE);
  const words = htmlToText(bodyHtml).split(" ").slice(0, 8).join(" ");
  const standIn = words ? `${words}…`.slice(0, MAX_TITLE) : "Untitled post";
  report.note(record.type === "post" ? "posts" : "pages", `untitled ${record.type} from ${record.createdAt.toISOString().slice(0, 10)}`, `titled “${standIn}” from its first words`);
  return standIn;
}

/** A future publication date is a scheduled post here, whatever the source called it. */
function statusFor(record: EntryRecord, now: Date): PostStatus {
  if (record.status === "DRAFT" || !record.publishedAt) return "DRAFT";
  return record.publishedAt > now ? "SCHEDULED" : "PUBLISHED";
}

export async function prepareEntry(record: EntryRecord, context: EntryContext): Promise<EntryRow & { labelNames: string[] }> {
  const { report, now } = context;
  const rewritten = context.rewriteImages ? await context.rewriteImages(record.bodyHtml) : record.bodyHtml;
  const bodyHtml = sanitizePostHtml(rewritten);
  const title = titleFor(record, bodyHtml, report);
  const status = statusFor(record, now);
  const exactPermalink = record.type === "post" && record.permalink && POST_PERMALINK.test(record.permalink) ? record.permalink : null;
  const slug = (exactPermalink ? exactPermalink.split("/")[3] : slugify(record.slug) || slugify(title)) || `${record.type}-${record.createdAt.getTime().toString(36)}`;
  const permalink = record.type !== "post" || status === "DRAFT" ? null : (exactPermalink ?? permalinkFor(slug, record.publishedAt!, context.timeZone()));
  const excerpt = record.excerpt ? htmlToText(record.excerpt).slice(0, MAX_EXCERPT) || null : null;
  for (const note of record.notes) report.note(record.type === "post" ? "posts" : "pages", `${record.type} “${title}”`, note);
  return {
    id: newId(),
    importKey: record.sourceId,
    title,
    slug,
    permalink,
    bodyHtml,
    excerpt,
    status,
    publishedAt: status === "DRAFT" ? null : record.publishedAt,
    commentsOpen: record.commentsOpen,
    authorId: await context.authors.accountFor(record.authorKey),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    trashedAt: record.trashed ? record.updatedAt : null,
    labelNames: record.type === "post" ? record.labels : [],
  };
}

const COMPARED = ["title", "slug", "permalink", "bodyHtml", "excerpt", "status", "publishedAt", "commentsOpen", "authorId", "createdAt", "updatedAt", "trashedAt"] as const;

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Whether the stored row already says what the import would write. */
export const sameEntry = (stored: Omit<EntryRow, "id" | "importKey">, incoming: Omit<EntryRow, "id" | "importKey">) =>
  COMPARED.every((field) => sameValue(stored[field], incoming[field]));

/** The columns both tables share, read back as the import compares them (dates as instants). */
export const STORED_ENTRY_COLUMNS = `id, "importKey", title, slug, "bodyHtml", status, "authorId",
  ("publishedAt" AT TIME ZONE 'UTC') AS "publishedAt", ("createdAt" AT TIME ZONE 'UTC') AS "createdAt",
  ("updatedAt" AT TIME ZONE 'UTC') AS "updatedAt"`;

/** unnest() arguments for a batch of rows, column by column, with their SQL types. */
export function entryColumns(rows: EntryRow[], columns: readonly (keyof EntryRow)[]) {
  const types: Record<keyof EntryRow, string> = {
    id: "text",
    importKey: "text",
    title: "text",
    slug: "text",
    permalink: "text",
    bodyHtml: "text",
    excerpt: "text",
    status: '"PostStatus"',
    publishedAt: "text",
    commentsOpen: "boolean",
    authorId: "text",
    createdAt: "text",
    updatedAt: "text",
    trashedAt: "text",
  };
  const isDate = (column: keyof EntryRow) => column.endsWith("At");
  const values = columns.map((column) => rows.map((row) => (isDate(column) ? utcText(row[column] as Date | null) : row[column])));
  const unnest = `unnest(${columns.map((column, index) => `$${index + 1}::${types[column]}[]`).join(", ")}) AS incoming(${columns.map((column) => `"${column}"`).join(", ")})`;
  const select = columns.map((column) => (isDate(column) ? `${asUtcTimestamp(`incoming."${column}"`)}` : `incoming."${column}"`)).join(", ");
  return { values, unnest, select };
}
