import type { ReactNode } from "react";
import { BlogHeader } from "@/components/blog/blog-header";
import { getBlogSettings } from "@/lib/settings";

export default async function BlogLayout({ children }: { children: ReactNode }) {
  const settings = await getBlogSettings();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <BlogHeader title={settings.blogTitle} description={settings.description} />
      <div className="blog-columns">
        <main id="main" className="blog-main">
          {children}
        </main>
        <aside className="blog-sidebar" aria-label="About this blog">
          <h2>About this blog</h2>
          <p>{settings.description || settings.blogTitle}</p>
        </aside>
      </div>
      <footer className="blog-footer">
        <p>Powered by Longhand</p>
      </footer>
    </>
  );
}
