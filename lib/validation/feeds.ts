import "server-only";
import { z } from "zod";

// A feed's query string is read by feedOptions (lib/feed-addresses.mjs), shared with server.mjs.

/** A post id in a comments feed's path. */
export const feedPostIdSchema = z.string().trim().min(1).max(64);

/** A label's name or slug in a label feed's path. */
export const feedLabelSchema = z.string().trim().min(1).max(200);

/** The format and size in a cached feed's path (lib/feed-addresses.mjs, cachedFeedPath). */
export const cachedFeedParamsSchema = z.object({
  alt: z.enum(["atom", "rss"]),
  take: z.string().regex(/^(?:[1-9]\d?|100)$/).transform(Number),
  feed: z.union([z.tuple([z.enum(["posts", "comments"])]), z.tuple([z.enum(["posts", "comments"]), z.string()])]),
});
