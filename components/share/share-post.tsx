import { CopyLinkButton } from "@/components/share/copy-link-button";
import { shareLinks } from "@/components/share/share-links";

/** Under a post on its own page: its permalink (selectable by hand, copied by the button) and share links. */
export function SharePost({ url, title }: { url: string; title: string }) {
  return (
    <section className="share" aria-labelledby="share-heading">
      <h2 id="share-heading" className="visually-hidden">
        Share this post
      </h2>
      <ul>
        {shareLinks(url, title).map(({ name, href }) => (
          <li key={name}>
            {href.startsWith("mailto:") ? (
              <a href={href}>{name}</a>
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {name}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            )}
          </li>
        ))}
      </ul>
      <CopyLinkButton url={url} />
      <p className="share-permalink">
        Link to this post: <span id="share-permalink">{url}</span>
      </p>
    </section>
  );
}
