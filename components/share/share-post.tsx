import { CopyLinkButton } from "@/components/share/copy-link-button";
import { shareLinks } from "@/components/share/share-links";
import type { Messages } from "@/lib/messages";

/** Under a post on its own page: its permalink (selectable by hand, copied by the button) and share links. */
export function SharePost({ url, title, t }: { url: string; title: string; t: Messages }) {
  return (
    <section className="share" aria-labelledby="share-heading">
      <h2 id="share-heading" className="visually-hidden">
        {t.shareThisPost}
      </h2>
      <ul>
        {shareLinks(url, title, t).map(({ name, href }) => (
          <li key={name}>
            {href.startsWith("mailto:") ? (
              <a href={href}>{name}</a>
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {name}
                <span className="visually-hidden">{t.opensInNewTab}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
      <CopyLinkButton url={url} words={{ copyLink: t.copyLink, copied: t.linkCopied, refused: t.copyRefused }} />
      <p className="share-permalink">
        {t.linkToThisPost} <span id="share-permalink">{url}</span>
      </p>
    </section>
  );
}
