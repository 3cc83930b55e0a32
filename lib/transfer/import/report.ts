import "server-only";
import type { SourceFormat } from "../records";

export type ImportedFormat = SourceFormat | "longhand-json";

export const REPORTED_KINDS = ["posts", "pages", "comments", "labels", "authors", "redirects", "images"] as const;
export type ReportedKind = (typeof REPORTED_KINDS)[number];

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** One thing that was not imported, or imported otherwise than it was, and why. */
export interface ReportItem {
  kind: ReportedKind | "settings";
  /** What it was, in the source's words ("post “Autumn reading”", "https://example.com/a.jpg"). */
  what: string;
  why: string;
}

/** What an import did: shown by the command line and the dashboard's Import page, stored with the job. */
export interface ImportReport {
  format: ImportedFormat;
  counts: Record<ReportedKind, KindCounts>;
  /** Settings that changed (by our field name). */
  settingsChanged: string[];
  /** Skipped and altered items, at most MAX_REPORT_ITEMS of them; `moreItems` counts the rest. */
  items: ReportItem[];
  moreItems: number;
  /** True when the import found nothing to change: the same file imported again. */
  unchanged: boolean;
  durationMs: number;
}

/** What an import has read so far, reported about once a second while it runs. */
export interface ImportProgress {
  phase: "reading" | "writing" | "done";
  bytesRead: number;
  totalBytes: number;
  posts: number;
  pages: number;
  comments: number;
  images: number;
}
