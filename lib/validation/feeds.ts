import "server-only";
import { z } from "zod";

export const DEFAULT_FEED_ENTRIES = 25;
export const MAX_FEED_ENTRIES = 100;

/** A feed's query string, as Blogger's feeds take it: `alt=rss` for RSS 2.0 (Atom otherwise) and `max-results=N`. */
export const feedQuerySchema = z.object({
  alt: z.enum(["atom", "rss"], { message: "alt must be atom or rss" }).default("atom"),
  "max-results": z
    .string()
    .regex(/^\d{1,9}$/)
    .transform((digits) => Math.min(MAX_FEED_ENTRIES, Math.max(1, Number(digits))))
    // Missing or not a whole number: the default, as Blogger does.
    .catch(DEFAULT_FEED_ENTRIES),
});

/** A post id in a comments feed's path. */
export const feedPostIdSchema = z.string().trim().min(1).max(64);

/** A label's name or slug in a label feed's path. */
export const feedLabelSchema = z.string().trim().min(1).max(200);
