"use server";

import { refresh } from "next/cache";
import { adminAction, flashedFormAction, type ActionContext } from "@/lib/action-client";
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

function changed({ expire }: ActionContext) {
  expire(layoutChanged());
  refresh();
}

export const addGadgetAction = flashedFormAction(
  adminAction(
    { schema: addGadgetSchema },
    async (input, _user, context) => {
      const added = await addGadget(input);
      changed(context);
      return added;
    },
    { message: ({ kind, area }) => `Added a ${GADGET_KIND_NAMES[kind]} gadget at the foot of the ${GADGET_AREA_NAMES[area]}. Edit it below to set it up.` },
  ),
  onLayoutPage,
);

export const saveGadgetAction = flashedFormAction(
  adminAction(
    { schema: saveGadgetSchema },
    async (input, _user, context) => {
      const saved = await saveGadget(input);
      changed(context);
      return saved;
    },
    { message: (saved) => `Saved ${gadgetName(saved)}. Reader pages show it now.` },
  ),
  // A refusal names its gadget, so its form shows the errors.
  { ...onLayoutPage, keeps: ["id"] },
);

export const removeGadgetAction = flashedFormAction(
  adminAction(
    { schema: removeGadgetSchema },
    async (input, _user, context) => {
      const removed = await removeGadget(input);
      changed(context);
      return removed;
    },
    { message: (removed) => `Removed ${gadgetName(removed)} from the ${GADGET_AREA_NAMES[removed.area]}.` },
  ),
  onLayoutPage,
);

export const moveGadgetAction = flashedFormAction(
  adminAction(
    { schema: moveGadgetSchema },
    async (input, _user, context) => {
      const moved = await moveGadget(input);
      changed(context);
      return moved;
    },
    { message: (moved) => `Moved ${gadgetName(moved)}: now ${moved.position + 1} of ${moved.of} in the ${GADGET_AREA_NAMES[moved.area]}.` },
  ),
  onLayoutPage,
);

/** A drop in the drag-and-drop list: the area's whole order, refused whole if it is stale or made up. */
export const reorderGadgetsAction = adminAction(
  { schema: reorderGadgetsSchema },
  async (input, _user, context) => {
    const reordered = await reorderGadgets(input);
    changed(context);
    return reordered;
  },
  { message: ({ area }) => `Saved the ${GADGET_AREA_NAMES[area]}'s new order.` },
);
