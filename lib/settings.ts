import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors";
import { knownLocale } from "@/lib/messages";
import { blogSettingsSchema, SETTINGS_DEFAULTS, type BlogSettingsInput } from "@/lib/validation/settings";

// The blog's settings live in one Setting row (id 1); before anything is saved the defaults stand
// in for it, so the blog still renders.
const ROW = { id: 1 } as const;

const ALL_FIELDS = {
  blogTitle: true,
  description: true,
  postsPerPage: true,
  timeZone: true,
  locale: true,
  commentPermission: true,
  commentModeration: true,
  moderateAfterDays: true,
} as const;

/** What reader pages need from the settings. */
export type BlogSettings = Pick<BlogSettingsInput, "blogTitle" | "description" | "postsPerPage" | "timeZone" | "locale" | "commentPermission">;

/** The settings reader pages use, cached until a save expires them (lib/cache-invalidation.ts). */
export async function getBlogSettings(): Promise<BlogSettings> {
  "use cache";
  cacheTag(tags.settings);
  cacheLife("max");
  const { blogTitle, description, postsPerPage, timeZone, locale, commentPermission } = await getCurrentSettings();
  return { blogTitle, description, postsPerPage, timeZone, locale, commentPermission };
}

/** The settings as they are now (not the cached copy): for the settings form and the comment policy. */
export async function getCurrentSettings(): Promise<BlogSettingsInput> {
  const row = await db.setting.findUnique({ where: ROW, select: ALL_FIELDS });
  return row ? { ...row, locale: knownLocale(row.locale) } : SETTINGS_DEFAULTS;
}

/**
 * Saves the blog-wide settings into the one Setting row. The action has validated the form
 * already; checking again here means no caller can store a setting the reader pages cannot use.
 */
export async function updateBlogSettings(input: BlogSettingsInput): Promise<BlogSettingsInput> {
  const valid = blogSettingsSchema.safeParse(input);
  if (!valid.success) throw new InvalidRequestError(valid.error.issues.map((issue) => issue.message).join(" "));
  await db.setting.upsert({ where: ROW, create: { ...ROW, ...valid.data }, update: valid.data, select: { id: true } });
  return valid.data;
}
