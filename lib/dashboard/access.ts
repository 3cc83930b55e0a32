import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/session";

export type DashboardRole = "AUTHOR" | "ADMIN";
export type DashboardUser = CurrentUser & { role: DashboardRole };

export function canUseDashboard(user: CurrentUser | null): user is DashboardUser {
  return user?.role === "AUTHOR" || user?.role === "ADMIN";
}

export const isAdmin = (user: CurrentUser) => user.role === "ADMIN";

/**
 * Every dashboard page and layout starts here, with the user as the database knows them now:
 * signed out → sign in and come back to `path`; a READER (or an AUTHOR on an admin page) → 403.
 */
export async function requireDashboardPage(path: string, { adminOnly = false } = {}): Promise<DashboardUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: path })}`);
  if (!canUseDashboard(user) || (adminOnly && !isAdmin(user))) forbidden();
  return user;
}
