import pg from "pg";
import { postWithManyComments, postWithOneComment, searchWord } from "./seed";

/** Which of the targets a page is held to (report.ts holds the ratios). */
export type PageKind = "cached page" | "feed" | "repeated search" | "200 comments";

export interface BenchPage {
  name: string;
  path: string;
  kind: PageKind;
}

/**
 * The reader pages to load, with the post, month, year and label URLs looked up in the seeded
 * data. The names of home, the 1-comment post and the busiest month, the first feed being the
 * Atom feed and the one search are relied on by npm run soak and npm run chaos:db.
 */
export async function findBenchPages(databaseUrl: string): Promise<BenchPage[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const postOf = async ({ slug, comments }: { slug: string; comments: number }) => {
      const { rows } = await client.query<{ id: string; permalink: string; comments: number }>(
        `SELECT id, permalink, (SELECT count(*)::int FROM "Comment" WHERE "postId" = "Post".id) AS comments FROM "Post" WHERE slug = $1`,
        [slug],
      );
      const post = rows[0];
      if (!post || post.comments !== comments) throw new Error(`the seeded data has no post "${slug}" with ${comments} comment(s)`);
      return post;
    };
    // The blog's time zone is UTC (seed.ts), so the UTC month is the archive month.
    const { rows: months } = await client.query<{ month: string }>(
      `SELECT to_char("publishedAt", 'YYYY/MM') AS month FROM "Post" WHERE status = 'PUBLISHED' GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`,
    );
    const { rows: labels } = await client.query<{ slug: string; name: string }>(
      `SELECT l.slug, l.name FROM "Label" l JOIN "PostLabel" pl ON pl."labelId" = l.id GROUP BY l.id ORDER BY count(*) DESC, l.slug LIMIT 1`,
    );
    const month = months[0]!.month;
    const label = labels[0]!;
    const onePost = await postOf(postWithOneComment);
    const manyPost = await postOf(postWithManyComments);
    return [
      { name: "home", path: "/", kind: "cached page" },
      { name: "post, 1 comment", path: onePost.permalink, kind: "cached page" },
      { name: "archive year (busiest)", path: `/${month.slice(0, 4)}`, kind: "cached page" },
      { name: "archive month (busiest)", path: `/${month}`, kind: "cached page" },
      { name: "label (biggest)", path: `/label/${label.slug}`, kind: "cached page" },
      { name: "Atom feed", path: "/feeds/posts/default", kind: "feed" },
      { name: "RSS feed", path: "/feeds/posts/default?alt=rss", kind: "feed" },
      { name: "label feed", path: `/feeds/posts/default/-/${encodeURIComponent(label.name)}`, kind: "feed" },
      { name: "comments feed", path: "/feeds/comments/default", kind: "feed" },
      { name: "post's comments feed", path: `/feeds/${encodeURIComponent(manyPost.id)}/comments/default`, kind: "feed" },
      { name: "search (repeated)", path: `/search?q=${searchWord}`, kind: "repeated search" },
      { name: "post, 200 comments", path: manyPost.permalink, kind: "200 comments" },
    ];
  } finally {
    await client.end();
  }
}
