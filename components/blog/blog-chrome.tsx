import type { ReactNode } from "react";
import { ThemeFrame } from "@/components/appearance/theme-frame";
import { BlogFooter } from "@/components/blog/blog-footer";
import { BlogHeader } from "@/components/blog/blog-header";
import { BlogSidebar } from "@/components/blog/blog-sidebar";
import { getAppearance, type Appearance } from "@/lib/appearance/store";
import { getPageLinks } from "@/lib/reader";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";

/**
 * Header, sidebar and footer around every reader page, the 404 page included, in the blog's theme
 * (or in the unsaved one the dashboard previews).
 */
export async function BlogChrome({ children, appearance: previewed }: { children: ReactNode; appearance?: Appearance }) {
  const [settings, pages, appearance] = await Promise.all([getBlogSettings(), getPageLinks(), previewed ?? getAppearance()]);
  const t = messagesFor(settings.locale);
  return (
    <ThemeFrame appearance={appearance}>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <BlogHeader settings={settings} pages={pages} headerImage={appearance.headerImage} t={t} />
      <div className="blog-columns">
        <main id="main" className="blog-main" tabIndex={-1}>
          {children}
        </main>
        <BlogSidebar settings={settings} t={t} />
      </div>
      <BlogFooter settings={settings} t={t} />
    </ThemeFrame>
  );
}
