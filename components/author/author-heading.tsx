import type { AuthorProfile } from "@/lib/queries/authors";

/** The top of an author's page: photo, name and bio (plain text, a paragraph per blank line). */
export function AuthorHeading({ author }: { author: AuthorProfile }) {
  const paragraphs = author.bio.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  return (
    <header className="author-heading">
      {author.image && (
        // A provider's avatar (GitHub, Google) at its own address: nothing for Next's optimiser to resize here.
        // eslint-disable-next-line @next/next/no-img-element -- alt is empty: the name beside it says whose photo it is
        <img className="author-photo" src={author.image} alt="" width={80} height={80} referrerPolicy="no-referrer" />
      )}
      <h1 className="list-heading">{author.name}</h1>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="author-bio">
          {paragraph}
        </p>
      ))}
      <h2 className="author-posts-heading">Posts by {author.name}</h2>
    </header>
  );
}
