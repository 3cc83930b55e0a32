// The address of a search's results: one cacheable page per query (/search/<query>, further pages
// /search/<query>/page/<n>), which the search form's /search?q=... redirects to. Shared by the pages
// and by server.mjs's fast path, which answers that redirect itself.
import { unescapeWhatNextLeaves } from "./next-path-segment.mjs";

export const MAX_SEARCH_LENGTH = 200;

/**
 * A query no post is expected to hold, whose cached results page ("No posts match") is the frame
 * of every query's first answer (app/search-first/route.ts): the same page with its query and
 * results swapped, so a first answer needs no page render.
 */
export const SEARCH_FRAME_QUERY = "longhandsearchframe";

/** Where server.mjs's fast path sends the search form's query the first time it is asked. */
export const FIRST_SEARCH_ANSWER_PATH = "/search-first";

/**
 * One spelling per query, so that "garden  tools " and "garden tools" share a cached page: "+"
 * and runs of spaces separate words to the search alike. Case is kept: it is shown as typed.
 */
export function canonicalSearchQuery(query) {
  return query.replaceAll("+", " ").trim().replace(/\s+/g, " ");
}

/** `/search/garden+tools`, `/search/garden+tools/page/2`: for a canonical query (canonicalSearchQuery). */
export function searchResultsPath(query, page = 1) {
  const path = `/search/${query.split(" ").map(encodeURIComponent).join("+")}`;
  return page > 1 ? `${path}/page/${page}` : path;
}

/**
 * The query in a results page's address, from the path segment as Next 16.4 hands it over: mostly
 * decoded, with the characters that would split a path still escaped (lib/next-path-segment.mjs);
 * but in some renders raw, as in the address (e2e/hostile-input.spec.ts saw "%3Cimg" in a heading).
 * Decoding once more covers both; a "%" the decoded query really holds rarely forms an escape
 * ("100% cotton" does not, and is then left as it is). "+", or "%2B", is a space to the search
 * either way.
 */
export function queryOfSearchSegment(segment) {
  const spaced = segment.replace(/\+|%2b/gi, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return unescapeWhatNextLeaves(spaced);
  }
}
