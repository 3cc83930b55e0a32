import Link from "next/link";
import type { ReactNode } from "react";
import { ArchiveWidget } from "@/components/archive/archive-widget";
import { AccountStatus } from "@/components/blog/account-status";
import { LabelList } from "@/components/blog/label-list";
import { SearchForm } from "@/components/blog/search-form";
import { getPageLinks, getSidebar } from "@/lib/reader";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";

/** Header, sidebar and footer around every reader page, the 404 page included. */
export async function BlogChrome({ children }: { children: ReactNode }) {
  const [settings, pages, sidebar] = await Promise.all([getBlogSettings(), getPageLinks(), getSidebar()]);
  const t = messagesFor(settings.locale);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="blog-header">
        <AccountStatus locale={settings.locale} />
        <p className="blog-title">
          <Link href="/">{settings.blogTitle}</Link>
        </p>
        {settings.description && <p className="blog-description">{settings.description}</p>}
        <nav className="blog-nav" aria-label={t.siteNavigation}>
          <ul>
            <li>
              <Link href="/">{t.home}</Link>
            </li>
            {pages.map((page) => (
              <li key={page.slug}>
                <Link href={`/p/${page.slug}`}>{page.title}</Link>
              </li>
            ))}
          </ul>
          <SearchForm t={t} />
        </nav>
      </header>
      <div className="blog-columns">
        <main id="main" className="blog-main" tabIndex={-1}>
          {children}
        </main>
        <aside className="blog-sidebar" aria-label={t.sidebar}>
          <ArchiveWidget months={sidebar.months} newestTitles={sidebar.newestTitles} locale={settings.locale} />
          <LabelList labels={sidebar.labels} t={t} />
        </aside>
      </div>
      <footer className="blog-footer">
        <p>
          {settings.blogTitle} · <Link href="/feeds/posts/default">{t.postsFeed}</Link> · {t.poweredBy}
        </p>
      </footer>
    </>
  );
}
