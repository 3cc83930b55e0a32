import type { NextRequest } from "next/server";
import { isNotModified } from "@/lib/conditional-get";
import { SCHEME_COOKIE, schemeOf, schemeStylesheet } from "@/lib/appearance/scheme";

/**
 * The stylesheet of one reader's light / dark choice, linked from every reader page. Private and
 * revalidated on each use: the choice changes at the reader's click, and a revisit is a 304.
 */
export async function GET(request: NextRequest) {
  const { css, etag } = schemeStylesheet(schemeOf(request.cookies.get(SCHEME_COOKIE)?.value));
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie" };
  if (isNotModified(request.headers, { etag })) return new Response(null, { status: 304, headers });
  return new Response(css, { headers: { ...headers, "Content-Type": "text/css; charset=utf-8" } });
}
