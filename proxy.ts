import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { csrfCookieName, csrfCookieOptions, csrfTokenFromCookie, newCsrfCookieValue, sessionCookieName } from "@/lib/auth/cookies";
import { config as appConfig } from "@/lib/config";
import { mayOpenDashboardPath } from "@/lib/dashboard/path-access";
import { slugify } from "@/lib/permalinks";
import { findActiveUser } from "@/lib/session";

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/search/label/")) return bloggerLabelRedirect(request);
  if (request.nextUrl.pathname.startsWith("/dashboard")) return signInFirst(request) ?? (await forbiddenEarly(request)) ?? NextResponse.next();
  return withCsrfCookie(request);
}

// Blogger's label URLs (/search/label/Library%20life) move to ours (/label/library-life): label
// slugs are made from their names with slugify.
function bloggerLabelRedirect(request: NextRequest) {
  const name = decodeURIComponent(request.nextUrl.pathname.slice("/search/label/".length));
  return NextResponse.redirect(new URL(`/label/${slugify(name)}`, request.url), 308);
}

// A visitor with no session at all goes to sign in before any dashboard page renders, and comes
// back to the page they asked for. Only a shortcut: every dashboard page, action and route checks
// the session and role against the database itself (lib/dashboard/access.ts).
function signInFirst(request: NextRequest) {
  if (request.cookies.has(sessionCookieName())) return null;
  const { pathname, search } = request.nextUrl;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn, 307);
}

// A reader on the dashboard, or an author on an admin area, is answered with 403 here: with Cache
// Components a page's own forbidden() runs after the response has started, so it shows the
// "Not allowed" page (app/forbidden.tsx) with status 200; and a rewrite's status is not kept. The
// page and every action still check for themselves; anything unclear here (no valid token, a gone
// or disabled account) is left to them.
async function forbiddenEarly(request: NextRequest) {
  try {
    const token = await getToken({ req: request, secret: appConfig().NEXTAUTH_SECRET, cookieName: sessionCookieName() });
    const user = token?.sub ? await findActiveUser(token.sub) : null;
    if (!user || mayOpenDashboardPath(user.role, request.nextUrl.pathname)) return null;
  } catch (error) {
    console.error("The dashboard's early access check failed; the page checks again", error);
    return null;
  }
  return new NextResponse(NOT_ALLOWED_HTML, { status: 403, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" } });
}

// app/forbidden.tsx's words, in a page of its own: a proxy cannot render the app's.
const NOT_ALLOWED_HTML = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Not allowed</title>
<style>body{margin:0;background:#fdfcf9;color:#1f2328;font:1.05rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}main{max-width:36rem;margin:4rem auto;padding:0 1.5rem}h1{font:normal 2rem/1.25 Georgia,"Times New Roman",serif}a{color:#8a3b12}a:focus-visible{outline:3px solid #8a3b12;outline-offset:2px}</style></head>
<body><main id="main"><h1>Not allowed</h1><p>Your account cannot open this page. The dashboard is for the blog&#39;s authors, and People and Settings for its administrators.</p><p><a href="/">Back to the blog</a></p></main></body>
</html>`;

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
