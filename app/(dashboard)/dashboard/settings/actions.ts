"use server";

import { updateTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { dashboardAction, type ActionResult } from "@/lib/dashboard/action-client";
import { updateBlogSettings } from "@/lib/dashboard/blog-settings";
import { blogSettingsSchema, type BlogSettingsField, type BlogSettingsInput } from "@/lib/validation/settings";

/** The form's state; `values` is what was sent, so a refused form keeps what the person typed. */
export type SettingsFormState = (ActionResult<BlogSettingsInput, BlogSettingsField> | { ok: false; message?: undefined }) & {
  values?: Partial<Record<BlogSettingsField, string>>;
};

const run = dashboardAction({ schema: blogSettingsSchema, adminOnly: true }, async (input) => {
  const saved = await updateBlogSettings(input);
  // The title and description head every reader page, the page size shapes every list, and the
  // time zone dates posts, comments and static pages; the comment policy shows under each post.
  updateTag(tags.settings);
  updateTag(tags.posts);
  updateTag(tags.comments);
  updateTag(tags.pages);
  return saved;
});

export async function saveSettings(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const result = await run(formData);
  if (result.ok) return { ...result, message: "Settings saved. Reader pages show them now." };
  const values = Object.fromEntries([...formData.entries()].filter(([key, value]) => !key.startsWith("$ACTION") && typeof value === "string"));
  return { ...result, values };
}
