import Link from "next/link";
import type { Messages } from "@/lib/messages";

/** "Newer posts" / "Older posts" between pages of a list; hrefs are built by the page. */
export function Pager({ newerHref, olderHref, homeHref, t }: { newerHref?: string; olderHref?: string; homeHref?: string; t: Messages }) {
  if (!newerHref && !olderHref && !homeHref) return null;
  return (
    <nav className="pager" aria-label={t.morePosts}>
      {newerHref ? (
        <Link className="pager-newer" href={newerHref} rel="prev">
          {t.newerPosts}
        </Link>
      ) : (
        <span />
      )}
      {homeHref && <Link href={homeHref}>{t.home}</Link>}
      {olderHref ? (
        <Link className="pager-older" href={olderHref} rel="next">
          {t.olderPosts}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
