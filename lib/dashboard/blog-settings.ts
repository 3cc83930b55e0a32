import "server-only";
import { db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors";
import { blogSettingsSchema, type BlogSettingsInput } from "@/lib/validation/settings";

const EDITABLE = {
  blogTitle: true,
  description: true,
  postsPerPage: true,
  timeZone: true,
  commentPermission: true,
  commentModeration: true,
  moderateAfterDays: true,
} as const;

/** The settings form's values: the blog's one Setting row, as it is now (not the cached copy). */
export async function getEditableSettings(): Promise<BlogSettingsInput | null> {
  return db.setting.findUnique({ where: { id: 1 }, select: EDITABLE });
}

/**
 * Saves the blog-wide settings into the one Setting row. The action has validated the form
 * already; checking again here means no caller can store a setting the reader pages cannot use.
 */
export async function updateBlogSettings(input: BlogSettingsInput): Promise<BlogSettingsInput> {
  const valid = blogSettingsSchema.safeParse(input);
  if (!valid.success) throw new InvalidRequestError(valid.error.issues.map((issue) => issue.message).join(" "));
  return db.setting.upsert({ where: { id: 1 }, create: { id: 1, ...valid.data }, update: valid.data, select: EDITABLE });
}
