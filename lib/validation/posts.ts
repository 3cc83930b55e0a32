import { z } from "zod";
import { text } from "@/lib/validation/text";
import { featuredImageIdSchema } from "@/lib/validation/uploads";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_BODY_BYTES = 500 * 1024;
export const POST_TOO_LARGE = "The post is too large to save. Keep its body under 500 KB.";

/** Past the cap: refused here, or (past the 1 MB a server action may send) before the action runs. */
export const postBodyTooLarge = (html: string) => new TextEncoder().encode(html).length > MAX_BODY_BYTES;

const postId = z.string().trim().min(1).max(64);
// A form sends numbers as text; autosave sends them as numbers.
const version = z.coerce.number().int().positive();
/** One value from a form may arrive alone or repeated; either way a list. */
const list = <Item extends z.ZodType>(item: Item) => z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

// Empty is allowed while writing (a new post starts without one); publishing asks for a title.
export const postTitle = text().trim().max(200, { message: "Keep the title to 200 characters." });

export const postSlug = z
  .string()
  .trim()
  .min(1, { message: "The post needs a slug for its address." })
  .max(80, { message: "Keep the slug to 80 characters." })
  .regex(SLUG_PATTERN, { message: "Use lowercase letters and digits, with single hyphens between words." });

export const postWriteSchema = z.object({ postId, expectedVersion: version });

export const savePostSchema = postWriteSchema.extend({
  // The editor's id for this save, the same on each retry of it: a retry of a save that landed is answered as saved.
  saveId: z.uuid(),
  title: postTitle,
  slug: postSlug,
  excerpt: text().trim().max(1000, { message: "Keep the excerpt to 1,000 characters." }).default(""),
  bodyHtml: text()
    .default("")
    .refine((html) => !postBodyTooLarge(html), { message: POST_TOO_LARGE }),
  labels: list(text().trim().min(1, { message: "A label cannot be empty." }).max(50, { message: "Keep each label to 50 characters." })).pipe(
    z.array(z.string()).max(20, { message: "A post can have at most 20 labels." }),
  ),
  featuredImageId: featuredImageIdSchema,
});

/** What the author writes: the part of a post the editor autosaves. */
export type PostContent = Omit<z.output<typeof savePostSchema>, "postId" | "expectedVersion" | "saveId">;

/** The picker's fields: a day of the month, a month, a year and a 24-hour time, on the blog's clock. */
export const schedulePostSchema = postWriteSchema
  .extend({
    day: z.coerce.number().int().min(1, { message: "Choose a day." }).max(31, { message: "Choose a day." }),
    month: z.coerce.number().int().min(1, { message: "Choose a month." }).max(12, { message: "Choose a month." }),
    year: z.coerce.number().int().min(1990, { message: "Choose a year from 1990." }).max(2200, { message: "Choose an earlier year." }),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Write the time as hours and minutes, such as 09:30." }),
  })
  .refine(({ day, month, year }) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day, {
    message: "That day is not in that month.",
    path: ["day"],
  })
  .transform(({ day, month, year, time, ...rest }) => ({
    ...rest,
    localDateTime: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${time}`,
  }));

export const postIdSchema = z.object({ postId });

export const commentsSwitchSchema = postIdSchema.extend({ open: z.boolean() });

export const postStates = ["draft", "scheduled", "published", "trash"] as const;

/** The list's GET form; anything unexpected is ignored rather than refused. */
export const postListQuery = z.object({
  status: z.enum(postStates).optional().catch(undefined),
  label: z.string().trim().max(100).optional().catch(undefined),
  q: text().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type SavePostInput = z.input<typeof savePostSchema>;
