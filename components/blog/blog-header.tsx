import Link from "next/link";
import { SchemeToggle } from "@/components/appearance/scheme-toggle";
import { AccountStatus } from "@/components/blog/account-status";
import { SearchForm } from "@/components/blog/search-form";
import type { Messages } from "@/lib/messages";
import type { BlogSettings } from "@/lib/settings";
import type { FeaturedImage } from "@/lib/uploads/featured";

type BlogHeaderProps = { settings: BlogSettings; pages: { slug: string; title: string }[]; headerImage: FeaturedImage | null; t: Messages };

/** The blog's title, description and navigation at the top of every reader page. */
export function BlogHeader({ settings, pages, headerImage, t }: BlogHeaderProps) {
  return (
    <header className="blog-header">
      <div className="blog-header-bar">
        <SchemeToggle t={t} />
        <AccountStatus locale={settings.locale} />
      </div>
      {headerImage && (
        // Stored files come resized already (srcSet): Next's image optimiser has nothing to add.
        // eslint-disable-next-line @next/next/no-img-element -- alt is empty: decoration, the title below names the blog
        <img
          className="blog-header-image"
          src={headerImage.url}
          srcSet={headerImage.srcSet ?? undefined}
          sizes="(max-width: 68rem) 100vw, 68rem"
          width={headerImage.width}
          height={headerImage.height}
          alt=""
          fetchPriority="high"
        />
      )}
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
