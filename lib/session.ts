import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export class NotSignedInError extends Error {
  constructor() {
    super("You need to sign in first.");
    this.name = "NotSignedInError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/**
 * The signed-in user as the database knows them now, or null. The session token only names the
 * user; a deleted or disabled account is signed out here, and a changed role counts at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  return id ? findActiveUser(id) : null;
});

/** The account a session token names, unless it is gone or disabled. */
export async function findActiveUser(id: string): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new NotSignedInError();
  return user;
}

export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new ForbiddenError();
  return user;
}
