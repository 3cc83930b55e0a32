import { NextResponse, type NextRequest } from "next/server";
import { csrfCookieName, csrfCookieOptions, csrfTokenFromCookie, newCsrfCookieValue } from "@/lib/auth/cookies";
import { dashboardGate } from "@/lib/dashboard/gate";
import { slugify } from "@/lib/permalinks";

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/search/label/")) return bloggerLabelRedirect(request);
  if (request.nextUrl.pathname.startsWith("/dashboard")) return dashboardGate(request);
  return withCsrfCookie(request);
}

// Blogger's label URLs (/search/label/Library%20life) move to ours (/label/library-life): label
// slugs are made from their names with slugify.
function bloggerLabelRedirect(request: NextRequest) {
  const name = decodeURIComponent(request.nextUrl.pathname.slice("/search/label/".length));
  return NextResponse.redirect(new URL(`/label/${slugify(name)}`, request.url), 308);
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

// Everything else stays off the proxy.
export const config = { matcher: ["/search/label/:name+", "/sign-in", "/dashboard", "/dashboard/:path*"] };
