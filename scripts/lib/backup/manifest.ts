import { z } from "zod";

/** Raised when a backup is not one this code can restore; nothing has been changed. */
export class RestoreRefusedError extends Error {
  name = "RestoreRefusedError";
}

/** Bumped whenever the archive's layout changes in a way an older restore would misread. */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";
export const tableEntry = (table: string) => `database/${table}.ndjson`;
export const UPLOADS_PREFIX = "uploads/";

export const manifestSchema = z.object({
  format: z.literal("longhand-backup"),
  formatVersion: z.number().int(),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  /** Where the blog kept its images: with "database" they are rows of UploadFile, with "local" files under uploads/. */
  uploadStorage: z.enum(["local", "database"]),
  /** The migrations applied to the database when it was backed up, in order. */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().nonnegative() })),
  /** Every other entry of the archive. */
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
