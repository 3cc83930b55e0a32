import { z } from "zod";

export const uploadIdSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** The library's page number from the query string; anything odd is the first page. */
export const libraryPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
