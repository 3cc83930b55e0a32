import pg from "pg";
import { inTransaction } from "../transaction";

export interface BenchDataSize {
  posts: number;
  comments: number;
  labels: number;
  users: number;
  databaseBytes: number;
}

/** The two posts the benchmark reads by slug: the post pages at their smallest and largest. */
export const postWithOneComment = { slug: "a-post-with-one-comment", comments: 1 } as const;
export const postWithManyComments = { slug: "a-post-with-two-hundred-comments", comments: 200 } as const;

/** The word the search benchmark queries; about one post in ten contains it. */
export const searchWord = "garden";

const COMMENTS_PER_POST = 10;
const AUTHORS = ["Ada Finch", "Rowan Hale", "Iris Quill"];
const READERS = 40;
const LABELS = [
  "Books", "Walking", "Letters", "Maps", "Weather", "Cooking", "Trains", "Music", "Libraries", "History",
  "Travel", "Photography", "Birds", "Rivers", "Poetry", "Craft", "Family", "Archives", "Seasons", "Notebooks",
];
const TITLE_OPENINGS = ["Notes on", "Thoughts about", "A week of", "Letters about", "Remembering", "In praise of", "Against", "The trouble with"];
const TITLE_TOPICS = [
  "old maps", "winter light", "the reading room", "railway timetables", "letter writing", "bread", "the harbour",
  "marginalia", "second-hand books", "the allotment", "rain", "pencils", "the night bus", "lighthouses",
];
// Our own sentences, none with the search word, so only the posts given SEARCH_SENTENCE match it.
const SENTENCES = [
  "The morning began slowly, with tea going cold beside a stack of unanswered letters.",
  "I walked the long way round, past the shuttered bakery and the bridge where the herons wait.",
  "Somebody had pencilled a note in the margin, and I spent an hour wondering who they were.",
  "The timetable promised a train at ten past four; the train had other ideas entirely.",
  "By evening the rain had settled into the steady kind that makes a room feel smaller and warmer.",
  "There is a particular pleasure in a map of a place you will never visit.",
  "My grandmother kept every receipt in a biscuit tin, and the tin is on my desk now.",
  "The library closes at six, which is exactly one chapter too early.",
  "We argued about the best way to fold a newspaper and settled nothing at all.",
  "A box of postcards turned up at the market, each one written to the same person.",
  "The harbour was quiet except for the gulls and one man repainting his boat in blue.",
  "I have started writing things down again, by hand, and the handwriting is worse than I remember.",
];
const SEARCH_SENTENCE = `The ${searchWord} is full of late tomatoes and the blackbird has claimed the fence.`;
const COMMENT_SENTENCES = [
  "Lovely piece, this took me straight back.",
  "I had no idea about this. Thank you for writing it down.",
  "We used to do exactly the same thing when I was small.",
  "Beautifully put. The last paragraph especially.",
  "I went looking for that bridge last spring and could not find it.",
  "This made my morning.",
  "Do you remember the name of the shop? I think I know it.",
  "Saving this one to read again on a rainy day.",
];
const GUEST_NAMES = ["Anonymous", "Pat", "A reader in Leeds", "Marguerite", "J. Okoro", "Old friend", "Sam W."];

/**
 * Fills a freshly migrated database with a large published blog, set-based (INSERT ... SELECT
 * FROM generate_series, indexes built once at the end): 100,000 posts and a million comments in
 * two to three minutes on a busy 2-core machine, most of it PostgreSQL computing the posts' search vectors.
 * Deterministic, so every run benchmarks the same data.
 */
export async function seedBenchData(databaseUrl: string, { posts }: { posts: number }): Promise<BenchDataSize> {
  if (!Number.isInteger(posts) || posts < 3) throw new Error("the benchmark needs at least 3 posts");
  // The two special posts sit side by side in the middle of the ten years.
  const onePostIndex = Math.floor(posts / 2);
  const comments = posts * COMMENTS_PER_POST;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await inTransaction(client, async () => {
      await client.query(
        `INSERT INTO "Setting" (id, "blogTitle", description, "timeZone", "updatedAt")
         VALUES (1, 'Longhand benchmark', 'Ten years of posts, generated for npm run bench:read.', 'UTC', now())`,
      );
      await insertUsers(client);
      await client.query(
        `INSERT INTO "Label" (id, name, slug) SELECT 'bench-label-' || n, name, lower(name) FROM unnest($1::text[]) WITH ORDINALITY AS l(name, n)`,
        [LABELS],
      );
      await withoutSecondaryIndexes(client, async () => {
        await insertPosts(client, posts, onePostIndex);
        // Each post gets (i mod 4) labels, 0 to 3; stepping by 7 over 20 labels keeps them distinct.
        await client.query(
          `INSERT INTO "PostLabel" ("postId", "labelId")
           SELECT 'bench-post-' || i, 'bench-label-' || (1 + (i + k * 7) % $2)
           FROM generate_series(1, $1) AS i, generate_series(0, 2) AS k WHERE k < i % 4`,
          [posts, LABELS.length],
        );
        await insertComments(client, { posts, comments, onePostIndex });
      });
    });
  } finally {
    await client.end();
  }
  // Fresh statistics and visibility map, as a long-running database would have.
  await runOnce(databaseUrl, "VACUUM ANALYZE");
  return countBenchData(databaseUrl);
}

/** What the database holds, counted rather than assumed, for the report. */
async function countBenchData(databaseUrl: string): Promise<BenchDataSize> {
  const { rows } = await runOnce<BenchDataSize>(
    databaseUrl,
    `SELECT (SELECT count(*)::int FROM "Post") AS posts, (SELECT count(*)::int FROM "Comment") AS comments,
            (SELECT count(*)::int FROM "Label") AS labels, (SELECT count(*)::int FROM "User") AS users,
            pg_database_size(current_database())::float8 AS "databaseBytes"`,
  );
  return rows[0]!;
}

// The tables filled in bulk. A million rows inserted one index entry at a time took minutes;
// one sorted build per index once the rows are in takes seconds.
const BULK_TABLES = ["Post", "PostLabel", "Comment"];

/**
 * Runs the bulk inserts with those tables' secondary indexes dropped, then builds them again from
 * their own definitions, and with foreign keys not checked row by row (the seed's rows refer to
 * each other by construction; the throwaway cluster's user is a superuser). Inside the caller's
 * transaction, so a failure leaves nothing half-done.
 */
async function withoutSecondaryIndexes(client: pg.Client, insert: () => Promise<void>) {
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [BULK_TABLES],
  );
  for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
  await client.query("SET LOCAL session_replication_role = replica");
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  await insert();
  await client.query("SET LOCAL session_replication_role = origin");
  for (const { definition } of indexes) await client.query(definition);
}

async function insertUsers(client: pg.Client) {
  await client.query(
    `INSERT INTO "User" (id, name, email, role, "updatedAt")
     SELECT 'bench-author-' || n, name, 'author' || n || '@bench.example', (CASE WHEN n = 1 THEN 'ADMIN' ELSE 'AUTHOR' END)::"Role", now()
     FROM unnest($1::text[]) WITH ORDINALITY AS a(name, n)`,
    [AUTHORS],
  );
  await client.query(
    `INSERT INTO "User" (id, name, email, role, "updatedAt")
     SELECT 'bench-reader-' || n, 'Reader ' || n, 'reader' || n || '@bench.example', 'READER', now()
     FROM generate_series(1, $1) AS n`,
    [READERS],
  );
}

async function insertPosts(client: pg.Client, posts: number, onePostIndex: number) {
  // Ten years from 2015, evenly spaced with a few hours' jitter; 3 to 6 paragraphs of 3 sentences;
  // every tenth post mentions the search word. Slugs end in the post's number, so permalinks are unique.
  await client.query(
    `WITH words AS (SELECT $3::text[] AS openings, $4::text[] AS topics, $5::text[] AS sentences),
     named AS (
       SELECT i,
              CASE i WHEN $2 THEN 'A post with one comment' WHEN $2 + 1 THEN 'A post with two hundred comments'
                     ELSE openings[1 + i % cardinality(openings)] || ' ' || topics[1 + i % cardinality(topics)] END AS title,
              timestamp '2015-01-01 07:00' + (i - 1) * (interval '3652 days' / $1) + (i * 7919 % 300) * interval '1 minute' AS published
       FROM generate_series(1, $1) AS i, words
     ),
     slugged AS (
       SELECT named.*,
              CASE i WHEN $2 THEN $7 WHEN $2 + 1 THEN $8
                     ELSE trim(BOTH '-' FROM regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g')) || '-' || i END AS slug
       FROM named
     )
     INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "authorId", "createdAt", "updatedAt")
     SELECT 'bench-post-' || i, title, slug, '/' || to_char(published, 'YYYY/MM') || '/' || slug,
            (SELECT string_agg('<p>' || sentences[1 + (i * 3 + k * 5) % cardinality(sentences)] || ' '
                                     || sentences[1 + (i * 7 + k * 11) % cardinality(sentences)] || ' '
                                     || CASE WHEN i % 10 = 0 AND k = 1 THEN $6 ELSE sentences[1 + (i + k) % cardinality(sentences)] END
                                     || '</p>', '' ORDER BY k)
               FROM generate_series(1, 3 + i % 4) AS k),
            'PUBLISHED', published, 'bench-author-' || (1 + i % $9), published, published
     FROM slugged, words`,
    [
      posts,
      onePostIndex,
      TITLE_OPENINGS,
      TITLE_TOPICS,
      SENTENCES,
      SEARCH_SENTENCE,
      postWithOneComment.slug,
      postWithManyComments.slug,
      AUTHORS.length,
    ],
  );
}

async function insertComments(client: pg.Client, { posts, comments, onePostIndex }: { posts: number; comments: number; onePostIndex: number }) {
  const special = postWithOneComment.comments + postWithManyComments.comments;
  // Comments 1..201 belong to the two special posts; the rest are spread over the other posts
  // (about 10 each, some more, some none) by a hash of their number, stepping over the two special
  // ones. 70% are by readers with accounts, the rest by guests. hashint4 is PostgreSQL's stable
  // integer hash: the same data every run, and unlike random() safe to use twice in one row.
  await client.query(
    `WITH words AS (SELECT $5::text[] AS sentences, $6::text[] AS guests),
     assigned AS (
       SELECT c, abs(hashint4(-c)) % 10 < 7 AS by_reader,
              CASE WHEN c <= $3 THEN $2
                   WHEN c <= $4 THEN $2 + 1
                   ELSE 1 + abs(hashint4(c)) % ($1 - 2)
              END AS drawn
       FROM generate_series(1, $8) AS c
     ),
     placed AS (
       SELECT assigned.*, CASE WHEN c > $4 AND drawn >= $2 THEN drawn + 2 ELSE drawn END AS post_index FROM assigned
     )
     INSERT INTO "Comment" (id, "postId", "userId", "authorName", "bodyHtml", status, "idempotencyKey", "createdAt")
     SELECT 'bench-comment-' || c, p.id,
            CASE WHEN by_reader THEN 'bench-reader-' || (1 + c % $7) END,
            CASE WHEN NOT by_reader THEN guests[1 + c % cardinality(guests)] END,
            '<p>' || sentences[1 + c % cardinality(sentences)] || '</p>', 'VISIBLE', 'bench:' || c,
            p."publishedAt" + (1 + c % 43200) * interval '1 minute'
     FROM placed JOIN "Post" AS p ON p.id = 'bench-post-' || post_index, words`,
    [posts, onePostIndex, postWithOneComment.comments, special, COMMENT_SENTENCES, GUEST_NAMES, READERS, comments],
  );
}

async function runOnce<Row extends pg.QueryResultRow>(databaseUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query<Row>(sql);
  } finally {
    await client.end();
  }
}
