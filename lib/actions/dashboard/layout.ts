"use server";

import { refresh } from "next/cache";
import type { z } from "zod";
import { adminAction, flashedFormAction } from "@/lib/action-client";
import { layoutChanged } from "@/lib/cache-invalidation";
import { FORM_IDS } from "@/lib/form-flash";
import { addGadget, moveGadget, removeGadget, reorderGadgets, saveGadget } from "@/lib/gadgets/store";
import {
  addGadgetSchema,
  GADGET_AREA_NAMES,
  GADGET_KIND_NAMES,
  gadgetName,
  moveGadgetSchema,
  removeGadgetSchema,
  reorderGadgetsSchema,
  saveGadgetSchema,
} from "@/lib/validation/gadgets";

// The Layout page's actions: admins only. Each write expires the gadgets on every reader page and
// refreshes the page's own list; a form posted without JavaScript comes back to the page with its
// answer (lib/form-flash.ts).

const PAGE = "/dashboard/layout";
const onLayoutPage = { id: FORM_IDS.layout, page: () => PAGE };

/** An admin's write to the layout: validated, done, then every reader page's gadgets expire and this page refreshes. */
function layoutWrite<Schema extends z.ZodType, Data>(schema: Schema, write: (input: z.infer<Schema>) => Promise<Data>, message: (data: Data) => string) {
  return adminAction(
    { schema },
    async (input, _user, { expire }) => {
      const data = await write(input);
      expire(layoutChanged());
      refresh();
      return data;
    },
    { message },
  );
}

export const addGadgetAction = flashedFormAction(
  layoutWrite(addGadgetSchema, addGadget, ({ kind, area }) => `Added a ${GADGET_KIND_NAMES[kind]} gadget at the foot of the ${GADGET_AREA_NAMES[area]}. Edit it below to set it up.`),
  onLayoutPage,
);

export const saveGadgetAction = flashedFormAction(
  layoutWrite(saveGadgetSchema, saveGadget, (saved) => `Saved ${gadgetName(saved)}. Reader pages show it now.`),
  // A refusal names its gadget, so its form shows the errors.
  { ...onLayoutPage, keeps: ["id"] },
);

export const removeGadgetAction = flashedFormAction(
  layoutWrite(removeGadgetSchema, removeGadget, (removed) => `Removed ${gadgetName(removed)} from the ${GADGET_AREA_NAMES[removed.area]}.`),
  onLayoutPage,
);

export const moveGadgetAction = flashedFormAction(
  layoutWrite(moveGadgetSchema, moveGadget, (moved) => `Moved ${gadgetName(moved)}: now ${moved.position + 1} of ${moved.of} in the ${GADGET_AREA_NAMES[moved.area]}.`),
  onLayoutPage,
);

/** A drop in the drag-and-drop list: the area's whole order, refused whole if it is stale or made up. */
export const reorderGadgetsAction = layoutWrite(reorderGadgetsSchema, reorderGadgets, ({ area }) => `Saved the ${GADGET_AREA_NAMES[area]}'s new order.`);
