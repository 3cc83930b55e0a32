import Link from "next/link";
import type { ReactNode } from "react";
import { ArchiveWidget } from "@/components/archive/archive-widget";
import { AccountStatus } from "@/components/blog/account-status";
import { LabelList } from "@/components/blog/label-list";
import { SearchForm } from "@/components/blog/search-form";
import { getPageLinks, getSidebar } from "@/lib/reader";
import { getBlogSettings } from "@/lib/settings";

/** Header, sidebar and footer around every reader page, the 404 page included. */
export async function BlogChrome({ children }: { children: ReactNode }) {
  const [settings, pages, sidebar] = await Promise.all([getBlogSettings(), getPageLinks(), getSidebar()]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="blog-header">
        <AccountStatus />
        <p className="blog-title">
          <Link href="/">{settings.blogTitle}</Link>
        </p>
        {settings.description && <p className="blog-description">{settings.description}</p>}
        <nav className="blog-nav" aria-label="Site">
          <ul>
            <li>
              <Link href="/">Home</Link>
            </li>
            {pages.map((page) => (
              <li key={page.slug}>
                <Link href={`/p/${page.slug}`}>{page.title}</Link>
              </li>
            ))}
          </ul>
          <SearchForm />
        </nav>
      </header>
      <div className="blog-columns">
        <main id="main" className="blog-main" tabIndex={-1}>
          {children}
        </main>
        <aside className="blog-sidebar" aria-label="Archive and labels">
          <ArchiveWidget months={sidebar.months} newestTitles={sidebar.newestTitles} />
          <LabelList labels={sidebar.labels} />
        </aside>
      </div>
      <footer className="blog-footer">
        <p>
          {settings.blogTitle} · <Link href="/feeds/posts/default">Posts (Atom)</Link> · Powered by Longhand
        </p>
      </footer>
    </>
  );
}
