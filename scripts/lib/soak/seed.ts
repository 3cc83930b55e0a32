import { hash } from "@node-rs/argon2";
import pg from "pg";
import { inTransaction } from "../transaction";

export interface SoakAccount {
  id: string;
  email: string;
  password: string;
  /** The address this simulated person sends as X-Forwarded-For, so per-address limits are theirs alone. */
  address: string;
}

export interface SoakDraft {
  id: string;
  /** The version the seed leaves it at; every acknowledged save adds one. */
  version: number;
}

export interface SoakData {
  readers: SoakAccount[];
  author: SoakAccount;
  /** The author's drafts the autosaves write to, one writer at a time each. */
  drafts: SoakDraft[];
  /** Published posts the comments go to. */
  commentedPosts: { id: string; permalink: string }[];
}

// Readers, author and drafts are made apart from the bench data (scripts/lib/bench/seed.ts), which
// has no passwords: the soak signs in over HTTP as a person would.
const PASSWORD = "soak-password-1234";

/**
 * Accounts with a password, the author's drafts, and the posts comments go to (the newest
 * published ones that are not the benchmark's two special posts).
 */
export async function seedSoakData(databaseUrl: string, { readers, drafts, commentedPosts }: { readers: number; drafts: number; commentedPosts: number }): Promise<SoakData> {
  const passwordHash = await hash(PASSWORD);
  const account = (id: string, index: number): SoakAccount => ({
    id,
    email: `${id}@soak.example`,
    password: PASSWORD,
    address: `10.77.${Math.floor(index / 250)}.${1 + (index % 250)}`,
  });
  const readerAccounts = Array.from({ length: readers }, (_, index) => account(`soak-reader-${index + 1}`, index + 1));
  const author = account("soak-author", 0);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await inTransaction(client, async () => {
      await client.query(
        `INSERT INTO "User" (id, name, email, "passwordHash", role, "updatedAt")
         SELECT id, 'Soak ' || id, email, $3, (CASE WHEN id = $4 THEN 'AUTHOR' ELSE 'READER' END)::"Role", now()
         FROM unnest($1::text[], $2::text[]) AS u(id, email)`,
        [[author, ...readerAccounts].map((a) => a.id), [author, ...readerAccounts].map((a) => a.email), passwordHash, author.id],
      );
      const { rows: draftRows } = await client.query<SoakDraft>(
        `INSERT INTO "Post" (id, title, slug, "bodyHtml", status, "authorId", "updatedAt")
         SELECT 'soak-draft-' || n, 'Soak draft ' || n, 'soak-draft-' || n, '<p>Not saved yet.</p>', 'DRAFT', $2, now()
         FROM generate_series(1, $1) AS n RETURNING id, version`,
        [drafts, author.id],
      );
      const { rows: posts } = await client.query<{ id: string; permalink: string }>(
        `SELECT id, permalink FROM "Post" WHERE status = 'PUBLISHED' AND slug NOT LIKE 'a-post-with-%'
         ORDER BY "publishedAt" DESC LIMIT $1`,
        [commentedPosts],
      );
      return { readers: readerAccounts, author, drafts: draftRows, commentedPosts: posts };
    });
  } finally {
    await client.end();
  }
}
