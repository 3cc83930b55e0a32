import "server-only";
import { pageWindow, type Paged } from "@/lib/dashboard/paging";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertAnActiveAdminRemains, assertNotOwnAccount, type AccountState } from "@/lib/users/rules";

export const USERS_PAGE_SIZE = 25;

export interface ListedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

/** Every account, or those whose name or email contains `search`, newest first. */
export async function listUsers({ search, page, pageSize = USERS_PAGE_SIZE }: { search: string; page: number; pageSize?: number }): Promise<Paged<ListedUser>> {
  const where: Prisma.UserWhereInput = search
    ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search, mode: "insensitive" } }] }
    : {};
  const total = await db.user.count({ where });
  const window = pageWindow(page, pageSize, total);
  const items = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: window.skip,
    take: window.take,
    select: { id: true, name: true, email: true, role: true, createdAt: true, disabledAt: true },
  });
  return { items, total, page: window.page, pageCount: window.pageCount };
}

async function lockAccount(tx: Prisma.TransactionClient, userId: string): Promise<AccountState & { name: string }> {
  const [account] = await tx.$queryRaw<(AccountState & { name: string })[]>`
    SELECT id, name, role::text AS role, "disabledAt" FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (!account) throw new NotFoundError("That account");
  return account;
}

/** An admin gives another account a role; it counts from that person's next request. */
export async function changeUserRole({ actor, userId, role }: { actor: DashboardUser; userId: string; role: Role }) {
  return db.$transaction(async (tx) => {
    const account = await lockAccount(tx, userId);
    if (account.role === role) return { name: account.name, previous: account.role, role };
    assertNotOwnAccount(actor.id, account, "role");
    await assertAnActiveAdminRemains(tx, account, { role, disabled: account.disabledAt !== null });
    await tx.user.update({ where: { id: account.id }, data: { role } });
    return { name: account.name, previous: account.role, role };
  });
}

/**
 * An admin disables an account (it can no longer sign in, and its sessions end at the next
 * request for good: lib/session.ts) or enables it again. Its comments stay as they are.
 */
export async function setUserDisabled({ actor, userId, disabled, now }: { actor: DashboardUser; userId: string; disabled: boolean; now: Date }) {
  return db.$transaction(async (tx) => {
    const account = await lockAccount(tx, userId);
    if ((account.disabledAt !== null) === disabled) return { name: account.name, disabled };
    if (disabled) {
      assertNotOwnAccount(actor.id, account, "disable");
      await assertAnActiveAdminRemains(tx, account, { role: account.role, disabled: true });
    }
    // Disabling also ends its sessions, so enabling it again does not bring old sign-ins back.
    await tx.user.update({ where: { id: account.id }, data: disabled ? { disabledAt: now, sessionVersion: { increment: 1 } } : { disabledAt: null } });
    return { name: account.name, disabled };
  });
}
