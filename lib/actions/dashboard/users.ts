"use server";

import { refresh } from "next/cache";
import { adminAction, formAction } from "@/lib/action-client";
import { changeUserRole, setUserDisabled } from "@/lib/users/manage";
import { changeRoleSchema, setDisabledSchema } from "@/lib/validation/users";

const ROLE_NAMES = { READER: "a reader", AUTHOR: "an author", ADMIN: "an admin" } as const;

// No reader page shows roles or who is disabled, so no cache tag changes; the list is refreshed.
export const changeRole = formAction(
  adminAction(
    { schema: changeRoleSchema },
    async ({ userId, role }, user) => {
      const { name } = await changeUserRole({ actor: user, userId, role });
      refresh();
      return { name, role };
    },
    { message: ({ name, role }) => `${name} is now ${ROLE_NAMES[role]}.` },
  ),
);

export const setDisabled = formAction(
  adminAction(
    { schema: setDisabledSchema },
    async ({ userId, disabled }, user) => {
      const { name } = await setUserDisabled({ actor: user, userId, disabled, now: new Date() });
      refresh();
      return { name, disabled };
    },
    { message: ({ name, disabled }) => (disabled ? `${name}'s account is disabled: they cannot sign in or comment.` : `${name}'s account is enabled again.`) },
  ),
);
