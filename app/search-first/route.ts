import type { NextRequest } from "next/server";
import { cachedPageHtml } from "@/lib/cached-page-html.mjs";
import { searchPosts } from "@/lib/queries/search";
import { canonicalSearchQuery, SEARCH_FRAME_QUERY, searchResultsPath } from "@/lib/search-address.mjs";
import { firstSearchAnswerHtml } from "@/lib/search-first-answer";
import { LOCALES } from "@/lib/messages";
import { frameResultsHtml, SEARCH_RESULTS_PER_PAGE, searchResultsHtml } from "@/lib/search-results-html";
import { getBlogSettings } from "@/lib/settings";
import { searchQuery } from "@/lib/validation/reader";

// The frame's own results in each locale: the frame is in the blog's locale as it was when the
// frame was rendered, which a first answer's words must match.
const FRAME_RESULTS_HTML = new Map(LOCALES.map((locale) => [locale, frameResultsHtml(locale)]));

let frameMismatchReported = false;

/** Said once: every first answer now costs a render, and no page shows why. */
function reportFrameMismatch() {
  if (frameMismatchReported) return;
  frameMismatchReported = true;
  console.error(`Longhand: ${searchResultsPath(SEARCH_FRAME_QUERY)} is not the page first answers to queries are made from (its results are not the empty ones expected); rendering each query's page instead`);
}

/** Elsewhere on this blog, as the fast path's own redirects are: no host taken from the request. */
const redirect = (path: string) => new Response(null, { status: 307, headers: { Location: path } });

/**
 * The first answer to a query of the search form (/search?q=...), where server.mjs's fast path
 * sends it: the query's results in the frame query's cached results page (lib/search-first-answer.ts),
 * so that a query asked once costs a database query and no page render. Its results are not kept
 * ('use cache'): most queries are asked once, and one asked again goes to its own cached page.
 * The answer is plain HTML (no scripts), as a reader without JavaScript gets every page. What
 * this cannot answer (no frame cached, or not a query the results page takes) goes to the search
 * form's page or the query's results page, which render it.
 */
export async function GET(request: NextRequest) {
  const parsed = searchQuery.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "", page: "1" });
  const q = parsed.success ? canonicalSearchQuery(parsed.data.q) : "";
  const frame = q === "" ? undefined : cachedPageHtml(searchResultsPath(SEARCH_FRAME_QUERY));
  if (!frame) return redirect(q === "" ? `/search?${request.nextUrl.searchParams}` : searchResultsPath(q));

  const [settings, results] = await Promise.all([getBlogSettings(), searchPosts({ query: q, page: 1, perPage: SEARCH_RESULTS_PER_PAGE, now: new Date() })]);
  const html = firstSearchAnswerHtml(frame, {
    q,
    resultsHtml: searchResultsHtml({ q, page: 1, results, clock: settings }),
    frameResultsHtml: FRAME_RESULTS_HTML.get(settings.locale)!,
  });
  if (!html) {
    // A frame in another locale is the page from before the language changed, being rendered
    // anew (lib/cached-page-responder.mjs); only one in none of them means it no longer fits.
    if (![...FRAME_RESULTS_HTML.values()].some((results) => frame.includes(results))) reportFrameMismatch();
    return redirect(searchResultsPath(q));
  }
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}
