import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { countCommentsAwaitingModeration } from "@/lib/dashboard/moderation-count";
import { getBlogSettings } from "@/lib/settings";
import "./dashboard.css";

// Dashboard pages are per person and read cookies: each renders in full for its request.
export const instant = false;

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Pages check again with their own path; this keeps the navigation itself from readers.
  const user = await requireDashboardPage("/dashboard");
  const [settings, awaitingModeration] = await Promise.all([getBlogSettings(), countCommentsAwaitingModeration(user)]);
  return (
    // The dashboard stays in English whatever language the blog is in.
    <div className="dashboard" lang="en-GB">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="dashboard-header">
        <div className="dashboard-bar">
          <p className="dashboard-blog">
            <Link href="/">{settings.blogTitle}</Link> · Dashboard
          </p>
          <div className="dashboard-account">
            <span>
              Signed in as <Link href="/profile">{user.name}</Link>
            </span>
            <SignOutButton />
          </div>
        </div>
        <DashboardNav isAdmin={user.role === "ADMIN"} awaitingModeration={awaitingModeration} />
      </header>
      <main id="main" className="dashboard-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
