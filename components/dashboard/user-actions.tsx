"use client";

import { useActionState } from "react";
import { changeRole, setDisabled } from "@/lib/actions/dashboard/users";
import { ResultMessage } from "@/components/dashboard/result-message";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button } from "@/components/ui/button";
import styles from "./people.module.css";

const changeRoleOrFail = withFailureState(changeRole, couldNotSave);
const setDisabledOrFail = withFailureState(setDisabled, couldNotSave);

const ROLE_LABELS = { READER: "Reader", AUTHOR: "Author", ADMIN: "Admin" } as const;

interface UserActionsProps {
  user: { id: string; name: string; role: keyof typeof ROLE_LABELS; disabled: boolean };
}

/** A row's controls: its role and whether the account may sign in. The server checks the rules. */
export function UserActions({ user }: UserActionsProps) {
  const [roleResult, roleAction, rolePending] = useActionState(changeRoleOrFail, null);
  const [accessResult, accessAction, accessPending] = useActionState(setDisabledOrFail, null);
  const selectId = `role-${user.id}`;
  return (
    <div className={styles.actions}>
      <form action={roleAction} className={styles.roleForm}>
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={selectId} className="visually-hidden">
          Role for {user.name}
        </label>
        <select id={selectId} name="role" defaultValue={user.role} key={user.role}>
          {Object.entries(ROLE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <Button type="submit" size="small" disabled={rolePending} aria-label={`Change role for ${user.name}`}>
          Change role
        </Button>
      </form>
      <form action={accessAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={String(!user.disabled)} />
        <Button
          type="submit"
          size="small"
          intent={user.disabled ? "secondary" : "destructive"}
          disabled={accessPending}
          aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.name}`}
        >
          {user.disabled ? "Enable" : "Disable"}
        </Button>
      </form>
      <ResultMessage result={roleResult} />
      <ResultMessage result={accessResult} />
    </div>
  );
}
