"use server";

import { refresh } from "next/cache";
import { dashboardAction, type ActionResult } from "@/lib/dashboard/action-client";
import { changeUserRole, setUserDisabled } from "@/lib/users/manage";
import { changeRoleSchema, setDisabledSchema } from "@/lib/validation/users";

export type UserActionResult = ActionResult<null>;

const ROLE_NAMES = { READER: "a reader", AUTHOR: "an author", ADMIN: "an admin" } as const;

// No reader page shows roles or who is disabled, so no cache tag changes; the list is refreshed.
const runChangeRole = dashboardAction({ schema: changeRoleSchema, adminOnly: true }, async ({ userId, role }, user) => {
  const { name } = await changeUserRole({ actor: user, userId, role });
  refresh();
  return `${name} is now ${ROLE_NAMES[role]}.`;
});

const runSetDisabled = dashboardAction({ schema: setDisabledSchema, adminOnly: true }, async ({ userId, disabled }, user) => {
  const { name } = await setUserDisabled({ actor: user, userId, disabled, now: new Date() });
  refresh();
  return disabled ? `${name}'s account is disabled: they cannot sign in or comment.` : `${name}'s account is enabled again.`;
});

const withMessage = (result: ActionResult<string>): UserActionResult => (result.ok ? { ok: true, data: null, message: result.data } : result);

export async function changeRole(_previous: UserActionResult | null, formData: FormData): Promise<UserActionResult> {
  return withMessage(await runChangeRole(formData));
}

export async function setDisabled(_previous: UserActionResult | null, formData: FormData): Promise<UserActionResult> {
  return withMessage(await runSetDisabled(formData));
}
