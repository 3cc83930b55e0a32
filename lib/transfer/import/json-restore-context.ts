import "server-only";
import type pg from "pg";
import type { UploadStorage } from "../../uploads/storage";
import type { ExportedAppearance, ExportedGadget } from "./json-elements";
import type { ReportBuilder, ReportedKind } from "./report";
import type { WriteOutcome } from "./json-sql";

/** What the sections of one restore share: the transaction's client, the report, and how the file's ids map to the blog's. */
export interface RestoreContext {
  client: pg.ClientBase;
  report: ReportBuilder;
  /** Where uploads' files are, asked only when the file lists uploads (the default one needs the app's configuration). */
  storage: () => UploadStorage;
  /** A user's id in the file → the account that stands for it here (the same id, or an existing account with that email). */
  userIds: Map<string, string>;
  /** A label's id in the file → the label here (the same id, or an existing label with that name or slug). */
  labelIds: Map<string, string>;
  /**
   * An author page's address in the file → the address that author's page has here, where they
   * differ (the account here has its own slug, or another account here had the file's): the
   * file's redirects to it are pointed there.
   */
  authorPaths: Map<string, string>;
  /** Posts' featured images, set once the uploads (which come after the posts) are in. */
  featuredImages: { postId: string; uploadId: string }[];
  /**
   * An upload's id in the file → the upload here that stands for it: the same id, or the image
   * already here under the same storage key or copied from the same address.
   */
  uploadIds: Map<string, string>;
  /** The file's appearance and layout, written once the uploads their images name are in. */
  appearance: ExportedAppearance | null;
  /** By id, in the file's order. */
  gadgets: Map<string, ExportedGadget>;
}

/** Counts a batch: the rows in `changed` were created or updated, the rest of `written` were already so. */
export function countOutcomes(report: ReportBuilder, kind: ReportedKind, written: { id: string }[], changed: Map<string, WriteOutcome>): void {
  let created = 0;
  let updated = 0;
  for (const outcome of changed.values()) {
    if (outcome === "created") created += 1;
    else updated += 1;
  }
  report.count(kind, "created", created);
  report.count(kind, "updated", updated);
  report.count(kind, "unchanged", written.length - created - updated);
}

export const quoted = (text: string) => `“${text}”`;
