"use server";

import { adminAction } from "@/lib/action-client";
import type { ActionResult } from "@/lib/action-state";
import { updateAppearance } from "@/lib/appearance/store";
import { appearanceSaved } from "@/lib/cache-invalidation";
import { appearanceSchema, type AppearanceField, type AppearanceInput } from "@/lib/validation/appearance";

/** The form's state: nothing yet, or the answer to the last save. */
export type AppearanceFormState = ActionResult<AppearanceInput, AppearanceField> | { ok: false; message?: undefined };

const run = adminAction(
  { schema: appearanceSchema },
  async (input, _user, { expire }) => {
    const saved = await updateAppearance(input);
    expire(appearanceSaved());
    return saved;
  },
  { message: () => "Appearance saved. Reader pages show it now." },
);

export async function saveAppearance(_previous: AppearanceFormState, formData: FormData): Promise<AppearanceFormState> {
  return run(formData);
}
