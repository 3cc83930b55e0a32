import { NextResponse, type NextRequest } from "next/server";
import { csrfCookieName, csrfCookieOptions, csrfTokenFromCookie, newCsrfCookieValue } from "@/lib/auth/cookies";
import { dashboardGate } from "@/lib/dashboard/gate";
import { legacyAddressOf } from "@/lib/legacy-addresses";
import { resolveLegacyAddress } from "@/lib/queries/legacy-addresses";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/dashboard")) return dashboardGate(request);
  if (pathname === "/sign-in") return withCsrfCookie(request);
  return legacyAddressRedirect(request);
}

// Old addresses of an imported blog that no route serves (the matcher's last group): 308 to where
// they lead now, else on to Next as they are. Those a route serves ("/my-post", "/category/books",
// "/p/about.html") are redirected by the route's own not-found path, which is cached.
async function legacyAddressRedirect(request: NextRequest) {
  const address = legacyAddressOf(request.nextUrl.pathname, request.nextUrl.searchParams);
  const target = address ? await resolveLegacyAddress(address, new Date()) : null;
  return target ? NextResponse.redirect(new URL(target, request.url), 308) : NextResponse.next();
}

// The sign-in page's forms post straight to next-auth, which wants its CSRF cookie to match a
// token in the form. A page cannot set cookies, so a first visitor gets one here, on the request
// (for the page to read) and on the response (for the browser to send back with the form).
function withCsrfCookie(request: NextRequest) {
  const name = csrfCookieName();
  if (csrfTokenFromCookie(request.cookies.get(name)?.value)) return NextResponse.next();
  const value = newCsrfCookieValue();
  request.cookies.set(name, value);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(name, value, csrfCookieOptions());
  return response;
}

// Everything else stays off the proxy. The old addresses here are those of lib/legacy-addresses.ts
// that reach no route; a matcher with a query condition does not keep a query-less path off
// server.mjs's fast path (lib/cached-page-responder.mjs).
export const config = {
  matcher: [
    "/sign-in",
    "/dashboard",
    "/dashboard/:path*",
    // ":base" is a WordPress blog's subdirectory ("/blog/feed"), kept in the paths an import stores.
    "/feed",
    "/feed/:format",
    "/comments/feed",
    "/comments/feed/:format",
    "/:base/feed",
    "/:base/feed/:format",
    "/:base/comments/feed",
    "/:year(\\d{4})/:month(\\d{2})/:slug/feed",
    "/:year(\\d{4})/:month(\\d{2})/:day(\\d{2})/:slug",
    "/:base/:year(\\d{4})/:month(\\d{2})/:slug",
    "/:base/:year(\\d{4})/:month(\\d{2})/:day(\\d{2})/:slug",
    "/category/:a/:b/:more+",
    "/:base/category/:a/:more+",
    { source: "/:path*", has: [{ type: "query", key: "m", value: "[01]" }] },
    { source: "/:path*", has: [{ type: "query", key: "p", value: "\\d+" }] },
    { source: "/:path*", has: [{ type: "query", key: "page_id", value: "\\d+" }] },
    { source: "/:path*", has: [{ type: "query", key: "tag" }] },
    { source: "/:path*", has: [{ type: "query", key: "feed" }] },
    { source: "/:year(\\d{4})/:month(\\d{2})/:slug", has: [{ type: "query", key: "showComment", value: "\\d+" }] },
    { source: "/search", has: [{ type: "query", key: "updated-max" }] },
  ],
};
