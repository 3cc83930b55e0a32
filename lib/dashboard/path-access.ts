import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";

/** Dashboard areas for admins only (People, Settings, Layout, Import & export); the rest are for authors and admins. */
const ADMIN_ONLY_AREAS = ["/dashboard/users", "/dashboard/settings", "/dashboard/layout", "/dashboard/import"];

const isUnder = (pathname: string, area: string) => pathname === area || pathname.startsWith(`${area}/`);

/** Whether a signed-in user with this role may open this dashboard path. */
export function mayOpenDashboardPath(role: Role, pathname: string): boolean {
  if (role === "ADMIN") return true;
  return role === "AUTHOR" && !ADMIN_ONLY_AREAS.some((area) => isUnder(pathname, area));
}
