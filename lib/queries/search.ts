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
  /** How many posts match; 0 past the last page, which has no hits to count with. */
  total: number;
}

// Sentinels rather than tags, so the snippet stays plain text until it is rendered.
const HEADLINE_OPTIONS = "StartSel=\u0001, StopSel=\u0002, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\u0003";

/**
 * Full-text search over titles and bodies with English stemming, best matches first (title
 * matches weigh more: the search vector gives them weight A), with a snippet per hit.
 *
 * One query, shaped for a big blog: `matches` ranks every match while its row is in hand, reading
 * only the search vector (kept in the row: migration search_vector_in_row), and is materialized so
 * the vectors are not carried on to the sort and the count, which read only ids, dates and ranks.
 * The rank and date come first in its rows, at fixed offsets, so the sort's many ties on rank
 * (a word's ranks take few values) are broken without walking past the id.
 * Only the page's hits then have their body stripped of tags and headlined, the costly part.
 */
export async function searchPosts({ query, page, perPage, now }: { query: string; page: number; perPage: number; now: Date }): Promise<SearchResults> {
  const offset = (page - 1) * perPage;
  const rows = await db.$queryRaw<(SearchHit & { total: bigint })[]>`
    WITH matches AS MATERIALIZED (
      SELECT ts_rank(p."searchVector", q) AS rank, p."publishedAt", p."id"
        FROM "Post" p, websearch_to_tsquery('english', ${query}) q
       WHERE p."searchVector" @@ q
         AND ${visiblePostsSql(now)}
    ), hits AS (
      SELECT * FROM matches ORDER BY rank DESC, "publishedAt" DESC, "id" DESC LIMIT ${perPage} OFFSET ${offset}
    )
    SELECT p."id", p."title", p."permalink", p."publishedAt", (SELECT count(*) FROM matches) AS "total",
           ts_headline('english', regexp_replace(p."bodyHtml", '<[^>]*>', ' ', 'g'), websearch_to_tsquery('english', ${query}), ${HEADLINE_OPTIONS}) AS snippet
      FROM hits
      JOIN "Post" p ON p."id" = hits."id"
     ORDER BY hits.rank DESC, hits."publishedAt" DESC, hits."id" DESC`;
  const hits = rows.map(({ id, title, permalink, publishedAt, snippet }) => ({ id, title, permalink, publishedAt, snippet }));
  return { hits, total: Number(rows[0]?.total ?? 0) };
}
