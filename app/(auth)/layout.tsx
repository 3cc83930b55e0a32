import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeFrame } from "@/components/appearance/theme-frame";
import { getAppearance } from "@/lib/appearance/store";
import { getBlogSettings } from "@/lib/settings";

// Account pages read cookies and the query and hold per-person forms: they render in full on the
// server for each request (no streamed holes), so they work the same with JavaScript off.
export const instant = false;

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const [settings, appearance] = await Promise.all([getBlogSettings(), getAppearance()]);
  // Account pages are in English whatever language the blog is in (README, "Language and date style"),
  // and in the blog's theme: a reader commenting (/comment) is still on the blog.
  return (
    <ThemeFrame appearance={appearance}>
      <div lang="en-GB">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="auth-header">
          <p className="blog-title">
            <Link href="/">{settings.blogTitle}</Link>
          </p>
        </header>
        <main id="main" className="auth-page" tabIndex={-1}>
          {children}
        </main>
      </div>
    </ThemeFrame>
  );
}
