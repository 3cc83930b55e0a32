import "server-only";
import { z } from "zod";

export const EXPORT_FORMATS = ["atom", "wxr", "json"] as const;

/** `/dashboard/import/export/<format>`: anything else is a 404. */
export const exportFormatParam = z.enum(EXPORT_FORMATS);

/** An import job's id in `/api/imports/<id>`. */
export const importJobIdParam = z.string().trim().min(1).max(64);

/** What the Import page sends beside the file: its name (URI-encoded) and whether to copy images. */
export const importUploadHeaders = z.object({
  fileName: z
    .string()
    .nullable()
    .transform((header) => {
      try {
        return decodeURIComponent(header ?? "").trim().slice(0, 255);
      } catch {
        return "";
      }
    })
    .transform((name) => name || "export"),
  copyImages: z
    .string()
    .nullable()
    .transform((header) => header === "true"),
});
