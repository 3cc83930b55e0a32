import "server-only";
import { db } from "@/lib/db";
import { visiblePostsSql } from "@/lib/queries/visibility";

/**
 * How many matches a query ranks at most: the newest ones. Ranking costs PostgreSQL about 1.5 µs
 * per match (reading the row, matching and ranking its search vector), so a word in most posts
 * of a big blog would cost ten times a rarer one; ranking the newest 2,000 keeps every query near
 * the cost of the rarer ones, and a blog where a query matches fewer posts gets all of them ranked.
 */
export const RANKED_MATCHES_AT_MOST = 2000;

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
  /** How many posts match, or are ranked when more match; 0 past the last page, which has no hits to count with. */
  total: number;
  /** More posts match than are ranked: the hits are the best of the `total` newest matches. */
  newestOnly: boolean;
}

// Sentinels rather than tags, so the snippet stays plain text until it is rendered.
const HEADLINE_OPTIONS = "StartSel=\u0001, StopSel=\u0002, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\u0003";

/**
 * Full-text search over titles and bodies with English stemming, best matches first (title
 * matches weigh more: the search vector gives them weight A), with a snippet per hit. Of a query
 * matching more than `rankedAtMost` posts, only the newest `rankedAtMost` are ranked.
 *
 * One query, shaped for a big blog: `newest` ranks the newest matches (one more, to tell whether
 * more match) while each row is in hand, reading only the search vector (kept in the row:
 * migration search_vector_in_row), newest first so that PostgreSQL can walk the date index and
 * stop there; it is materialized so the vectors are not carried on to the sort and the count,
 * which read only ranks, dates and ids. The rank and date come first in its rows, at fixed
 * offsets, so the sort's many ties on rank (a word's ranks take few values) are broken without
 * walking past the id. Only the page's hits then have their body stripped of tags and headlined,
 * the costly part.
 */
export async function searchPosts({
  query,
  page,
  perPage,
  now,
  rankedAtMost = RANKED_MATCHES_AT_MOST,
}: {
  query: string;
  page: number;
  perPage: number;
  now: Date;
  rankedAtMost?: number;
}): Promise<SearchResults> {
  const offset = (page - 1) * perPage;
  const rows = await db.$queryRaw<(SearchHit & { found: bigint })[]>`
    WITH newest AS MATERIALIZED (
      SELECT ts_rank(p."searchVector", q) AS rank, p."publishedAt", p."id"
        FROM "Post" p, websearch_to_tsquery('english', ${query}) q
       WHERE p."searchVector" @@ q
         AND ${visiblePostsSql(now)}
       ORDER BY p."publishedAt" DESC, p."id" LIMIT ${rankedAtMost + 1}
    ), hits AS (
      SELECT * FROM (SELECT * FROM newest ORDER BY "publishedAt" DESC, "id" LIMIT ${rankedAtMost}) ranked
       ORDER BY rank DESC, "publishedAt" DESC, "id" DESC LIMIT ${perPage} OFFSET ${offset}
    )
    SELECT p."id", p."title", p."permalink", p."publishedAt", (SELECT count(*) FROM newest) AS "found",
           ts_headline('english', regexp_replace(p."bodyHtml", '<[^>]*>', ' ', 'g'), websearch_to_tsquery('english', ${query}), ${HEADLINE_OPTIONS}) AS snippet
      FROM hits
      JOIN "Post" p ON p."id" = hits."id"
     ORDER BY hits.rank DESC, hits."publishedAt" DESC, hits."id" DESC`;
  const hits = rows.map(({ id, title, permalink, publishedAt, snippet }) => ({ id, title, permalink, publishedAt, snippet }));
  const found = Number(rows[0]?.found ?? 0);
  return { hits, total: Math.min(found, rankedAtMost), newestOnly: found > rankedAtMost };
}
