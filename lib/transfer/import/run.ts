import "server-only";
import type { ImportProgress, ImportReport } from "./report";

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
}

/**
 * Imports a Blogger (classic or Takeout), WordPress (WXR) or Longhand (JSON) export into the
 * blog, all in one transaction: a malformed file, a failure or an abort changes nothing.
 * Throws ImportFileError for a file that cannot be imported (what is wrong, and where).
 */
export async function importFile(options: ImportFileOptions): Promise<ImportReport> {
  void options;
  throw new Error("importFile: being written (issue 10)");
}
