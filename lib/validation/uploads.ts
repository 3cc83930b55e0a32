import { z } from "zod";

export const uploadIdSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** The upload endpoint's multipart form: one non-empty file in the field "file". */
export const uploadFormSchema = z.object({
  file: z.instanceof(File, { message: "Choose an image to upload." }).refine((file) => file.size > 0, { message: "Choose an image to upload." }),
});
