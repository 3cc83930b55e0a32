import "server-only";
import type { SourceFormat } from "../records";

export type ImportedFormat = SourceFormat | "longhand-json";

export const REPORTED_KINDS = ["posts", "pages", "comments", "subscriptions", "labels", "authors", "redirects", "images"] as const;
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

export const MAX_REPORT_ITEMS = 500;

/** Tallies an import as it goes; `finish` gives the report. */
export class ReportBuilder {
  private readonly counts = Object.fromEntries(REPORTED_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, skipped: 0 }])) as Record<ReportedKind, KindCounts>;
  private readonly items: ReportItem[] = [];
  private moreItems = 0;
  private readonly settingsChanged: string[] = [];

  constructor(private readonly format: ImportedFormat) {}

  count(kind: ReportedKind, outcome: keyof KindCounts, howMany = 1): void {
    this.counts[kind][outcome] += howMany;
  }

  /** A set-based write: of `total` rows, those not created or updated were already so. */
  tally(kind: ReportedKind, { total, created, updated }: { total: number; created: number; updated: number }): void {
    this.count(kind, "created", created);
    this.count(kind, "updated", updated);
    this.count(kind, "unchanged", total - created - updated);
  }

  /** A skipped or altered item; a skip also counts as one. */
  note(kind: ReportItem["kind"], what: string, why: string, { skipped = false } = {}): void {
    if (skipped && kind !== "settings") this.counts[kind].skipped += 1;
    if (this.items.length < MAX_REPORT_ITEMS) this.items.push({ kind, what, why });
    else this.moreItems += 1;
  }

  /** Settings that changed; called again for the appearance and layout, which come after. */
  changedSettings(fields: string[]): void {
    this.settingsChanged.push(...fields);
  }

  finish(durationMs: number): ImportReport {
    const changed = this.settingsChanged.length > 0 || REPORTED_KINDS.some((kind) => this.counts[kind].created + this.counts[kind].updated > 0);
    return { format: this.format, counts: this.counts, settingsChanged: this.settingsChanged, items: this.items, moreItems: this.moreItems, unchanged: !changed, durationMs };
  }
}
