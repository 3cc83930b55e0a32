import { z } from "zod";
import { storableText } from "@/lib/validation/text";

export const uploadIdSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** Deleting an image; `confirmed` once the person has been told where it is used. */
export const deleteUploadSchema = uploadIdSchema.extend({ confirmed: z.enum(["", "yes"]).optional().transform((value) => value === "yes") });

/** The upload endpoint's multipart form: one non-empty file in the field "file". */
export const uploadFormSchema = z
  .object({
    file: z.instanceof(File, { message: "Choose an image to upload." }).refine((file) => file.size > 0, { message: "Choose an image to upload." }),
  })
  // The name is the visitor's text like any other: it is stored and shown in the library.
  .transform(({ file }) => ({ file, fileName: storableText(file.name) }));

export const featuredImageChoicesSchema = z.object({
  bodyHtml: z.string().max(600 * 1024),
  selectedId: z.string().trim().min(1).max(64).nullable(),
});

/** A post's featured image: an upload's id, or none (null, or an empty form value); absent leaves it as it is. */
export const featuredImageIdSchema = z
  .string()
  .trim()
  .max(64)
  .transform((id) => id || null)
  .nullable()
  .optional();
