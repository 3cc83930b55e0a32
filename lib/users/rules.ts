import "server-only";
import { InvalidRequestError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

// The rules on changing an account's role or access, shared by the dashboard's People page and
// `npm run user:role` (scripts/lib/user-role.ts), so the blog is never left without an admin.

export interface AccountState {
  id: string;
  role: Role;
  disabledAt: Date | null;
}

const isActiveAdmin = (account: { role: Role; disabled: boolean }) => account.role === "ADMIN" && !account.disabled;

/** An admin may change anyone's role or access but their own: the mistake would lock them out. */
export function assertNotOwnAccount(actorId: string, target: AccountState, change: "role" | "disable") {
  if (actorId !== target.id) return;
  throw new InvalidRequestError(
    change === "role" ? "You cannot change your own role. Ask another admin to do it." : "You cannot disable your own account. Ask another admin to do it.",
  );
}

/**
 * Refuses a change that would leave no active admin. Call it inside the transaction that writes
 * the change: it locks every active admin's row, so two admins demoting each other at once
 * cannot both succeed (the second sees the first's change once it commits).
 */
export async function assertAnActiveAdminRemains(tx: Prisma.TransactionClient, target: AccountState, after: { role: Role; disabled: boolean }) {
  if (!isActiveAdmin({ role: target.role, disabled: target.disabledAt !== null }) || isActiveAdmin(after)) return;
  const activeAdmins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
  if (activeAdmins.some((admin) => admin.id !== target.id)) return;
  throw new InvalidRequestError("This is the last active admin: make another account an admin first.");
}
