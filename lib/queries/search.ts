import "server-only";
import { db } from "@/lib/db";
import { visiblePostsSql } from "@/lib/queries/visibility";

export interface SearchHit {
  id: string;
  title: string;
  permalink: string;
  publishedAt: Date;
  /** Plain text from the body with the matches between \u0001 and \u0002; see lib/html.ts. */
  snippet: string;
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
}

// Sentinels rather than tags, so the snippet stays plain text until it is rendered.
const HEADLINE_OPTIONS = "StartSel=\u0001, StopSel=\u0002, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\u0003";

/**
 * Full-text search over titles and bodies with English stemming, best matches first (title
 * matches weigh more), with a snippet per hit. Two queries: the page and the total.
 */
export async function searchPosts({ query, page, perPage, now }: { query: string; page: number; perPage: number; now: Date }): Promise<SearchResults> {
  const offset = (page - 1) * perPage;
  const [hits, total] = await Promise.all([
    db.$queryRaw<SearchHit[]>`
      SELECT p."id", p."title", p."permalink", p."publishedAt",
             ts_headline('english', regexp_replace(p."bodyHtml", '<[^>]*>', ' ', 'g'), q, ${HEADLINE_OPTIONS}) AS snippet
        FROM "Post" p, websearch_to_tsquery('english', ${query}) q
       WHERE p."searchVector" @@ q
         AND ${visiblePostsSql(now)}
       ORDER BY ts_rank(p."searchVector", q) DESC, p."publishedAt" DESC, p."id" DESC
       LIMIT ${perPage} OFFSET ${offset}`,
    db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total
        FROM "Post" p, websearch_to_tsquery('english', ${query}) q
       WHERE p."searchVector" @@ q
         AND ${visiblePostsSql(now)}`,
  ]);
  return { hits, total: Number(total[0]?.total ?? 0) };
}
