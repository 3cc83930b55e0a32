import "server-only";
import { z } from "zod";
import { text } from "@/lib/validation/text";

const id = z.string().min(1).max(100);

/** What the page form sends: its content. The body is sanitized on write, not here. */
export const pageContentSchema = z.object({
  title: text().trim().min(1, "Give the page a title.").max(200, "Keep the title to 200 characters or fewer."),
  slug: z
    .string()
    .trim()
    .min(1, "Give the page an address, such as about-the-garden.")
    .max(80, "Keep the address to 80 characters or fewer.")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens between them, such as about-the-garden."),
  bodyHtml: text().max(500_000, "The page is too long: at most 500,000 characters of HTML."),
});
export type PageContent = z.infer<typeof pageContentSchema>;

export const savePageSchema = pageContentSchema.extend({ pageId: id, expectedVersion: z.coerce.number().int().positive() });

export const pageIdSchema = z.object({ pageId: id });

export const deletePageSchema = pageIdSchema.extend({
  confirm: z.literal("yes", { error: "Tick the box to confirm that the page should be deleted." }),
});
