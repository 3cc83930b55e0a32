"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

interface DashboardNavProps {
  isAdmin: boolean;
  awaitingModeration: number;
}

const AREAS = [
  { href: "/dashboard/posts", label: "Posts" },
  { href: "/dashboard/comments", label: "Comments" },
  { href: "/dashboard/pages", label: "Pages" },
  { href: "/dashboard/images", label: "Images" },
  { href: "/dashboard/users", label: "People", adminOnly: true },
  { href: "/dashboard/settings", label: "Settings", adminOnly: true },
  { href: "/dashboard/appearance", label: "Appearance", adminOnly: true },
  { href: "/dashboard/layout", label: "Layout", adminOnly: true },
  { href: "/dashboard/import", label: "Import & export", adminOnly: true },
];

export function DashboardNav({ isAdmin, awaitingModeration }: DashboardNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="dashboard-nav">
      <ul>
        {AREAS.filter((area) => isAdmin || !area.adminOnly).map((area) => (
          <li key={area.href}>
            <Link href={area.href} aria-current={pathname === area.href || pathname.startsWith(`${area.href}/`) ? "page" : undefined}>
              {area.label}
              {area.href === "/dashboard/comments" && awaitingModeration > 0 && (
                <span className="dashboard-badge" aria-label={`(${awaitingModeration} awaiting moderation)`}>
                  {awaitingModeration}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
