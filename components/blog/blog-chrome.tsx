import type { ReactNode } from "react";
import { BlogFooter } from "@/components/blog/blog-footer";
import { BlogHeader } from "@/components/blog/blog-header";
import { BlogSidebar } from "@/components/blog/blog-sidebar";
import { getPageLinks } from "@/lib/reader";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";

/** Header, sidebar and footer around every reader page, the 404 page included. */
export async function BlogChrome({ children }: { children: ReactNode }) {
  const [settings, pages] = await Promise.all([getBlogSettings(), getPageLinks()]);
  const t = messagesFor(settings.locale);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <BlogHeader settings={settings} pages={pages} t={t} />
      <div className="blog-columns">
        <main id="main" className="blog-main" tabIndex={-1}>
          {children}
        </main>
        <BlogSidebar settings={settings} t={t} />
      </div>
      <BlogFooter settings={settings} t={t} />
    </>
  );
}
