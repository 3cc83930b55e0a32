"use server";

import { adminAction } from "@/lib/action-client";
import type { ActionResult } from "@/lib/action-state";
import { settingsSaved } from "@/lib/cache-invalidation";
import { updateBlogSettings } from "@/lib/settings";
import { blogSettingsSchema, type BlogSettingsField, type BlogSettingsInput } from "@/lib/validation/settings";

/** The form's state: nothing yet, or the answer to the last save. */
export type SettingsFormState = ActionResult<BlogSettingsInput, BlogSettingsField> | { ok: false; message?: undefined };

const run = adminAction(
  { schema: blogSettingsSchema },
  async (input, _user, { expire }) => {
    const saved = await updateBlogSettings(input);
    expire(settingsSaved());
    return saved;
  },
  { message: () => "Settings saved. Reader pages show them now." },
);

export async function saveSettings(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return run(formData);
}
