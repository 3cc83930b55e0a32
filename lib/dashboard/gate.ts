import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import { config } from "@/lib/config";
import { noteIfDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/database-outage.mjs";
import { mayOpenDashboardPath } from "@/lib/dashboard/path-access";
import { db } from "@/lib/db";
import { findActiveUser } from "@/lib/session";

// Next 16 sends a page's headers before a request-time check inside the page can run, so a
// forbidden() or notFound() there still answers 200. This gate runs in proxy.ts, before any
// rendering, and gives the right status: sign in (307), not allowed (403), not yours (404).
// It is not the only check: every dashboard page, route and action checks again itself.

/** `/dashboard/posts/<id>…` and `/dashboard/pages/<id>…`: the item must be the user's (any, for admins). */
const OWNED_ITEM = /^\/dashboard\/(posts|pages)\/([^/]+)/;

export async function dashboardGate(request: NextRequest): Promise<NextResponse> {
  try {
    return await checkAccess(request);
  } catch (error) {
    if (!noteIfDatabaseUnavailable(error)) throw error;
    console.error("The dashboard gate could not reach the database", error);
    // A server action reads the user again itself and answers "Could not save, try again" in
    // the editor, which keeps the author's text; a page gets this one.
    if (request.headers.has("next-action")) return NextResponse.next();
    const response = refusal(503, "Not available just now", "The blog cannot reach its database right now. Please try again in a minute.");
    response.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
    return response;
  }
}

async function checkAccess(request: NextRequest): Promise<NextResponse> {
  const token = await getToken({ req: request, secret: config().NEXTAUTH_SECRET, cookieName: sessionCookieName() });
  const user = token?.sub ? await findActiveUser({ userId: token.sub, sessionVersion: token.sessionVersion }) : null;
  if (!user) return signInFirst(request);
  const { pathname } = request.nextUrl;
  const isAdmin = user.role === "ADMIN";
  if (!mayOpenDashboardPath(user.role, pathname)) {
    return refusal(403, "Not allowed", "Your account cannot open this page. The dashboard is for the blog’s authors and administrators.");
  }
  const item = OWNED_ITEM.exec(pathname);
  if (item && item[2] !== "new" && !isAdmin && !(await ownsItem(item[1] as "posts" | "pages", item[2]!, user.id))) {
    return refusal(404, "Not found", "There is nothing here, or it is not yours to open.");
  }
  return NextResponse.next();
}

async function ownsItem(kind: "posts" | "pages", id: string, userId: string): Promise<boolean> {
  const where = { id, authorId: userId };
  return (kind === "posts" ? await db.post.count({ where }) : await db.page.count({ where })) > 0;
}

function signInFirst(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn, 307);
}

// A page of its own: it is answered before the app renders anything.
function refusal(status: 403 | 404 | 503, title: string, text: string) {
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{max-width:34rem;margin:3rem auto;padding:0 1rem;font:1.0625rem/1.6 system-ui,sans-serif;color:#1f2328;background:#fdfcf9}a{color:#8a3b12}a:focus-visible{outline:3px solid #8a3b12;outline-offset:2px}</style>
</head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Back to the blog</a> · <a href="/dashboard">Dashboard</a></p></main></body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" } });
}
