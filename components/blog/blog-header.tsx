import Link from "next/link";
import { AccountStatus } from "@/components/blog/account-status";
import { SearchForm } from "@/components/blog/search-form";
import type { Messages } from "@/lib/messages";
import type { BlogSettings } from "@/lib/settings";

type BlogHeaderProps = { settings: BlogSettings; pages: { slug: string; title: string }[]; t: Messages };

/** The blog's title, description and navigation at the top of every reader page. */
export function BlogHeader({ settings, pages, t }: BlogHeaderProps) {
  return (
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
  );
}
