import pg from "pg";
import { postWithManyComments, postWithOneComment, searchWord } from "./seed";

/** The reader issue's targets for a page: at least this throughput, and p99 under a bound. */
export interface Target {
  minRequestsPerSecond: number;
  maxP99Ms?: number;
}

export interface BenchPage {
  name: string;
  path: string;
  target?: Target;
}

const fastPage: Target = { minRequestsPerSecond: 2_000, maxP99Ms: 25 };

/** The reader pages to load, with the post, month and label URLs looked up in the seeded data. */
export async function findBenchPages(databaseUrl: string): Promise<BenchPage[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const permalinkOf = async ({ slug, comments }: { slug: string; comments: number }) => {
      const { rows } = await client.query<{ permalink: string; comments: number }>(
        `SELECT permalink, (SELECT count(*)::int FROM "Comment" WHERE "postId" = "Post".id) AS comments FROM "Post" WHERE slug = $1`,
        [slug],
      );
      const post = rows[0];
      if (!post || post.comments !== comments) throw new Error(`the seeded data has no post "${slug}" with ${comments} comment(s)`);
      return post.permalink;
    };
    // The blog's time zone is UTC (seed.ts), so the UTC month is the archive month.
    const { rows: months } = await client.query<{ month: string }>(
      `SELECT to_char("publishedAt", 'YYYY/MM') AS month FROM "Post" WHERE status = 'PUBLISHED' GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`,
    );
    const { rows: labels } = await client.query<{ slug: string }>(
      `SELECT l.slug FROM "Label" l JOIN "PostLabel" pl ON pl."labelId" = l.id GROUP BY l.id ORDER BY count(*) DESC, l.slug LIMIT 1`,
    );
    return [
      { name: "home", path: "/", target: fastPage },
      { name: "post, 1 comment", path: await permalinkOf(postWithOneComment), target: fastPage },
      { name: "post, 200 comments", path: await permalinkOf(postWithManyComments), target: { minRequestsPerSecond: 1_000 } },
      { name: "archive month (busiest)", path: `/${months[0]!.month}`, target: fastPage },
      { name: "label (biggest)", path: `/label/${labels[0]!.slug}` },
      { name: "search", path: `/search?q=${searchWord}` },
      { name: "Atom feed", path: "/feeds/posts/default" },
    ];
  } finally {
    await client.end();
  }
}
