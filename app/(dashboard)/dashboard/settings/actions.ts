"use server";

import { expireForWriter, settingsSaved } from "@/lib/cache-invalidation";
import { dashboardAction, type ActionResult } from "@/lib/dashboard/action-client";
import { updateBlogSettings } from "@/lib/dashboard/blog-settings";
import { blogSettingsSchema, type BlogSettingsField, type BlogSettingsInput } from "@/lib/validation/settings";

/** The form's state: nothing yet, or the answer to the last save. */
export type SettingsFormState = ActionResult<BlogSettingsInput, BlogSettingsField> | { ok: false; message?: undefined };

const run = dashboardAction({ schema: blogSettingsSchema, adminOnly: true }, async (input) => {
  const saved = await updateBlogSettings(input);
  expireForWriter(settingsSaved());
  return saved;
});

export async function saveSettings(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const result = await run(formData);
  return result.ok ? { ...result, message: "Settings saved. Reader pages show them now." } : result;
}
