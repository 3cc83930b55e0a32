// While the database is out, a page Next could not render is answered with the blog's own 503
// page and a Retry-After, instead of Next's 500 (or a 200 whose body failed: a blank page that
// script turns into "This page couldn't load"). server.mjs wraps each response with this.
import { readFileSync } from "node:fs";
import path from "node:path";
import { holdResponseBody } from "./held-response.mjs";
import { databaseRecentlyUnavailable, databaseRefusesConnections, RETRY_AFTER_SECONDS } from "./database-outage.mjs";

// An element that threw while rendering carries a numeric digest in the page's inline payload;
// Next's own signals (not found, redirect) have named ones and other statuses.
const FAILED_ELEMENT = /digest\\?":\\?"\d/;

/** True when a page's HTML carries an element that threw while rendering (a blank page to a reader without script). */
export const pageFailedInside = (html) => FAILED_ELEMENT.test(html);

const NEXT_PAGE_HEADERS = new Set(["etag", "last-modified", "link", "location", "content-length", "content-type", "cache-control", "x-next-cache-tags"]);

const MESSAGE =
  '<h1 class="list-heading">This page is not available just now</h1>' +
  "<p>The blog cannot reach its database right now. Please try again in a minute.</p>" +
  '<p><a href="/">Go to the home page</a> (recent pages may still be there).</p>';

/**
 * The build's 404 document (the blog's header, sidebar and styles) with the message in place of
 * its main content and without its scripts, which would render the 404 again.
 */
function outagePageFrom(notFoundDocument) {
  const page = notFoundDocument
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<title>[^<]*<\/title>/, "<title>Not available just now</title>")
    .replace(/(<main\b[^>]*>)[\s\S]*<\/main>/, `$1${MESSAGE}</main>`);
  return page.includes(MESSAGE)
    ? page
    : `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not available just now</title></head><body><main>${MESSAGE}</main></body></html>`;
}

export function createOutageAnswer({ distDir, databaseUrl }) {
  const outagePage = Buffer.from(outagePageFrom(readFileSync(path.join(distDir, "server", "app", "_not-found.html"), "utf8")));

  /** Must wrap the response after compression does, so it sees the bytes before they are zipped. */
  return function answerOutageWith503(request, response) {
    // Navigations inside the app and server actions get their answer through the app's own
    // error handling (app/error.tsx, an action's "Could not save").
    if (request.headers.rsc !== undefined || request.headers["next-action"] !== undefined) return;
    // Next answers a HEAD without rendering the body, where a failed element would show: it is
    // rendered as a GET, so it is judged like one (Node sends no body for a HEAD).
    const head = request.method === "HEAD";
    if (head) request.method = "GET";
    const { writeHead } = response;
    const failed = () => response.statusCode >= 500;
    // A 500 is held always (it is rare); a page while the database is out, so its body can be checked.
    const worthHolding = () =>
      failed() ||
      (response.statusCode === 200 && String(response.getHeader("content-type") ?? "").startsWith("text/html") && databaseRecentlyUnavailable());

    // Next sends a streamed page's head before its body: kept back (status and headers set on
    // the response, to go out with it) while the page may still turn out to be the outage's.
    response.writeHead = function holdHeadWhileDatabaseOut(statusCode, reason, headers) {
      const fields = typeof reason === "string" ? headers : reason;
      if (response.headersSent || Array.isArray(fields)) {
        release();
        return response.writeHead(statusCode, reason, headers);
      }
      response.statusCode = statusCode;
      if (typeof reason === "string") response.statusMessage = reason;
      for (const [name, value] of Object.entries(fields ?? {})) if (value !== undefined) response.setHeader(name, value);
      if (!worthHolding()) {
        release();
        return response.writeHead(statusCode);
      }
      return response;
    };
    const releaseBody = holdResponseBody(response, {
      holding: worthHolding,
      finish(body, done) {
        // The head still to go out is written by the real writeHead when the body is sent.
        response.writeHead = writeHead;
        void isOutage(body).then((outage) => finish(outage ? outagePage : body, outage, done));
        return response;
      },
    });
    const release = () => {
      response.writeHead = writeHead;
      releaseBody();
    };

    // Next may report why a page failed (instrumentation.ts) only after it ends it: a failure
    // with no recent sign of an outage is checked against the database's address.
    async function isOutage(body) {
      if (!failed() && !pageFailedInside(body.toString("latin1"))) return false;
      return databaseRecentlyUnavailable() || (databaseUrl !== undefined && (await databaseRefusesConnections(databaseUrl)));
    }

    function finish(body, outage, done) {
      if (outage) {
        response.statusCode = 503;
        // What described Next's page goes; the rest (security headers, cookies) stays.
        for (const header of response.getHeaderNames()) {
          if (NEXT_PAGE_HEADERS.has(header) || header.startsWith("x-nextjs-")) response.removeHeader(header);
        }
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
        response.setHeader("Content-Length", body.length);
      } else if (response.hasHeader("content-length")) response.setHeader("Content-Length", body.length);
      response.end(head ? undefined : body, done);
    }
  };
}
