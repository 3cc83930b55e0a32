import Link from "next/link";
import type { Messages } from "@/lib/messages";
import type { BlogSettings } from "@/lib/settings";

/** The line at the foot of every reader page. */
export function BlogFooter({ settings, t }: { settings: BlogSettings; t: Messages }) {
  return (
    <footer className="blog-footer">
      <p>
        {settings.blogTitle} · <Link href="/feeds/posts/default">{t.postsFeed}</Link> · {t.poweredBy}
      </p>
    </footer>
  );
}
