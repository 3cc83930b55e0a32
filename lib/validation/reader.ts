import "server-only";
import { z } from "zod";
import { text } from "@/lib/validation/text";

// Route parameters of reader pages. Anything that does not fit is a 404, never a query.
export const yearParam = z.string().regex(/^\d{4}$/);
export const monthParam = z.string().regex(/^(0[1-9]|1[0-2])$/);
export const slugParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
/** Blogger's post URLs end in ".html"; ours do not, and redirect. */
export const bloggerSlugParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}\.html$/);

export const searchQuery = z.object({
  q: text().trim().max(200, "Search for at most 200 characters.").default(""),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
