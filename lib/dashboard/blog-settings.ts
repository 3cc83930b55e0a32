import "server-only";
import { db } from "@/lib/db";
import type { BlogSettingsInput } from "@/lib/validation/settings";

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

/** Saves the blog-wide settings (validated by blogSettingsSchema) into the one Setting row. */
export async function updateBlogSettings(input: BlogSettingsInput): Promise<BlogSettingsInput> {
  return db.setting.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input, select: EDITABLE });
}
