import Link from "next/link";

/** "Newer posts" / "Older posts" between pages of a list; hrefs are built by the page. */
export function Pager({ newerHref, olderHref, homeHref }: { newerHref?: string; olderHref?: string; homeHref?: string }) {
  if (!newerHref && !olderHref && !homeHref) return null;
  return (
    <nav className="pager" aria-label="More posts">
      {newerHref ? (
        <Link className="pager-newer" href={newerHref} rel="prev">
          Newer posts
        </Link>
      ) : (
        <span />
      )}
      {homeHref && <Link href={homeHref}>Home</Link>}
      {olderHref ? (
        <Link className="pager-older" href={olderHref} rel="next">
          Older posts
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
