import "server-only";
import { SEARCH_FRAME_QUERY, searchResultsPath } from "@/lib/search-address.mjs";
import { escapeHtml } from "@/lib/search-results-html";

// Next's scripts and their preloads. Without them the page is the server's HTML as it is, which
// is what a first answer must be: the scripts would hydrate the frame query's page over it.
const NEXT_SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script>|<link\b[^>]*\bas="script"[^>]*>/g;

// Where the frame's query stands: in its results address, in that address escaped as a query
// value (the sign-in link's callbackUrl), and as text (title, heading, search box).
const FRAME_PATH = searchResultsPath(SEARCH_FRAME_QUERY);
const FRAME_PATH_IN_QUERY = encodeURIComponent(FRAME_PATH);
const FRAME_QUERY_PLACES = new RegExp(`(${FRAME_PATH_IN_QUERY}|${FRAME_PATH}|${SEARCH_FRAME_QUERY})`);

/** The frame's text, in pieces: literal HTML, then where the query goes, then the results. */
type Piece = { html: string } | { place: string } | { results: true };

/** Made once per frame (it changes only when the frame page is rendered anew). */
let split: { frame: string; frameResultsHtml: string; pieces: Piece[] | undefined } | undefined;

function piecesOf(frame: string, frameResultsHtml: string): Piece[] | undefined {
  const [before, after, ...more] = frame.replace(NEXT_SCRIPTS, "").split(frameResultsHtml);
  if (before === undefined || after === undefined || more.length > 0) return undefined;
  // split() with a captured group alternates literal text and the place matched.
  const around = (text: string): Piece[] => text.split(FRAME_QUERY_PLACES).map((part, index) => (index % 2 === 0 ? { html: part } : { place: part }));
  return [...around(before), { results: true }, ...around(after)];
}

/**
 * A query's first answer, made from the frame query's cached results page (lib/search-address.mjs,
 * SEARCH_FRAME_QUERY) by putting this query and its results where the frame has its own: a page
 * the reader cannot tell from the query's own results page, for a fraction of a render. Undefined
 * when the frame is not the page expected (its results not the empty ones given).
 */
export function firstSearchAnswerHtml(frame: string, { q, resultsHtml, frameResultsHtml }: { q: string; resultsHtml: string; frameResultsHtml: string }): string | undefined {
  if (split?.frame !== frame || split.frameResultsHtml !== frameResultsHtml) split = { frame, frameResultsHtml, pieces: piecesOf(frame, frameResultsHtml) };
  if (!split.pieces) return undefined;
  const path = searchResultsPath(q);
  const filled: Record<string, string> = { [FRAME_PATH]: escapeHtml(path), [FRAME_PATH_IN_QUERY]: escapeHtml(encodeURIComponent(path)), [SEARCH_FRAME_QUERY]: escapeHtml(q) };
  return split.pieces.map((piece) => ("html" in piece ? piece.html : "place" in piece ? filled[piece.place] : resultsHtml)).join("");
}
