"use server";

import { refresh } from "next/cache";
import { dashboardAction, formAction } from "@/lib/action-client";
import { imageDeleted } from "@/lib/cache-invalidation";
import { listFeaturedImageChoices } from "@/lib/uploads/featured";
import { deleteUpload } from "@/lib/uploads/images";
import { deleteUploadSchema, featuredImageChoicesSchema } from "@/lib/validation/uploads";

export const deleteImage = formAction(
  dashboardAction({ schema: deleteUploadSchema }, async ({ id, confirmed }, user, { expire }) => {
    await deleteUpload({ user, id, inUseConfirmed: confirmed });
    expire(imageDeleted());
    refresh();
    return { id };
  }),
);

/** The images the editor's featured-image field offers (components/editor/featured-image-field.tsx). */
export const featuredImageChoicesAction = dashboardAction({ schema: featuredImageChoicesSchema }, ({ bodyHtml, selectedId }, user) =>
  listFeaturedImageChoices({ user, bodyHtml, selectedId: selectedId ?? null }),
);
