"use server";

import { refresh } from "next/cache";
import { expireForWriter, imageDeleted } from "@/lib/cache-invalidation";
import { dashboardAction, type ActionResult } from "@/lib/dashboard/action-client";
import { listFeaturedImageChoices } from "@/lib/uploads/featured";
import { deleteUpload } from "@/lib/uploads/images";
import { deleteUploadSchema, featuredImageChoicesSchema } from "@/lib/validation/uploads";

const runDelete = dashboardAction({ schema: deleteUploadSchema }, async ({ id, confirmed }, user) => {
  await deleteUpload({ user, id, inUseConfirmed: confirmed });
  expireForWriter(imageDeleted());
  refresh();
  return { id };
});

export async function deleteImage(_previous: ActionResult<{ id: string }> | null, formData: FormData) {
  return runDelete(formData);
}

const runListChoices = dashboardAction({ schema: featuredImageChoicesSchema }, ({ bodyHtml, selectedId }, user) =>
  listFeaturedImageChoices({ user, bodyHtml, selectedId: selectedId ?? null }),
);

/** The images the editor's featured-image field offers (components/editor/featured-image-field.tsx). */
export async function featuredImageChoicesAction(input: { bodyHtml: string; selectedId: string | null }) {
  return runListChoices(input);
}
