import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";

// WordPress names posts, pages and comments by number. What came from this same WordPress site
// keeps its number (the import kept it in importKey or the comment's idempotency key), so a round
// trip gives every entry its old id back; everything else is numbered after the largest kept one, in
// the order the export writes it, which is the same for two exports of one blog.

const DIGITS = /^[0-9]{1,15}$/;

/** Key prefixes that hold WordPress numbers of the site at `host`. */
export function keyPrefixes(host: string) {
  return { entry: `wxr:${host}:`, comment: `import:wxr:${host}:comment-` };
}

/** The number a key kept ("wxr:blog.example.com:123" → 123), or null. */
export function keptNumber(key: string | null, prefix: string): number | null {
  if (!key?.startsWith(prefix)) return null;
  const digits = key.slice(prefix.length);
  return DIGITS.test(digits) ? Number(digits) : null;
}

/** Hands out kept numbers as they are, and the rest counting up from after the largest kept one. */
export class WxrNumbering {
  constructor(
    private readonly prefix: string,
    private last: number,
  ) {}

  numberFor(key: string | null): number {
    return keptNumber(key, this.prefix) ?? ++this.last;
  }
}

async function largestKept(db: PrismaClient, prefix: string, keys: "entries" | "comments"): Promise<number> {
  // Read in the database: a blog may have hundreds of thousands of comments.
  const rows =
    keys === "entries"
      ? await db.$queryRaw<{ largest: bigint | null }[]>`
          SELECT max(substr(key, ${prefix.length + 1}::int)::bigint) AS largest
            FROM (SELECT "importKey" AS key FROM "Post" UNION ALL SELECT "importKey" FROM "Page") AS keys
           WHERE starts_with(key, ${prefix}) AND substr(key, ${prefix.length + 1}::int) ~ '^[0-9]{1,15}$'`
      : await db.$queryRaw<{ largest: bigint | null }[]>`
          SELECT max(substr("idempotencyKey", ${prefix.length + 1}::int)::bigint) AS largest
            FROM "Comment"
           WHERE starts_with("idempotencyKey", ${prefix}) AND substr("idempotencyKey", ${prefix.length + 1}::int) ~ '^[0-9]{1,15}$'`;
  return Number(rows[0]?.largest ?? 0);
}

/** Numbering for posts and pages (one sequence, as in WordPress) and for comments. */
export async function wxrNumberings(db: PrismaClient, host: string): Promise<{ entries: WxrNumbering; comments: WxrNumbering }> {
  const prefixes = keyPrefixes(host);
  return {
    entries: new WxrNumbering(prefixes.entry, await largestKept(db, prefixes.entry, "entries")),
    comments: new WxrNumbering(prefixes.comment, await largestKept(db, prefixes.comment, "comments")),
  };
}
