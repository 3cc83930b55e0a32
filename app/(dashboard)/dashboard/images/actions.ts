"use server";

import { refresh } from "next/cache";
import { dashboardAction, type ActionResult } from "@/lib/dashboard/action-client";
import { deleteUpload } from "@/lib/uploads/images";
import { uploadIdSchema } from "@/lib/validation/uploads";

const runDelete = dashboardAction({ schema: uploadIdSchema }, async ({ id }, user) => {
  await deleteUpload({ user, id });
  refresh();
  return { id };
});

export async function deleteImage(_previous: ActionResult<{ id: string }> | null, formData: FormData) {
  return runDelete(formData);
}
