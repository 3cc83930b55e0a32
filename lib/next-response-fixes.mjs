// Two corrections server.mjs applies to what Next 16.4 sends, each until Next fixes its own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { holdResponseBody } from "./held-response.mjs";
import RenderStartPageCache from "./page-cache-handler.mjs";
import { pageETag } from "./page-headers.mjs";

/**
 * A cached page's redirect carries its Location header twice (the same value); a proxy that
 * folds repeated headers turns that into "a, a". One copy is sent instead.
 */
export function sendOneLocation(response) {
  const writeHead = response.writeHead;
  response.writeHead = function writeHeadWithOneLocation(...args) {
    const location = response.getHeader("location");
    if (Array.isArray(location) && new Set(location).size === 1) response.setHeader("location", location[0]);
    return writeHead.apply(this, args);
  };
}

// How Next's empty error document starts: its script renders the 404 page into it.
const BLANK_DOCUMENT_MARK = Buffer.from('<html id="__next_error__"');

/**
 * notFound() in a route with parameters (a missing post, label, month or page) is answered with
 * an empty document that Next's script fills in (vercel/next.js#62228), so a reader without
 * JavaScript sees a blank page. This puts the blog's whole 404 page in its place, with the same
 * 404 status: the one Next rendered for a path no route matches (app/not-found.tsx), from the
 * page cache, else as the build prerendered it.
 */
export function createNotFoundFiller({ distDir }) {
  const builtPage = readFileSync(path.join(distDir, "server", "app", "_not-found.html"), "utf8");
  const notFoundPage = () => RenderStartPageCache.anyCachedPage("/_not-found")?.html ?? builtPage;

  /** Must wrap the response after compression does, so it sees the bytes before they are zipped. */
  return function fillBlankNotFound(request, response) {
    if (request.method !== "GET" || request.headers.rsc !== undefined) return;
    const isHtmlNotFound = () => response.statusCode === 404 && String(response.getHeader("content-type") ?? "").startsWith("text/html");
    holdResponseBody(response, {
      holding: isHtmlNotFound,
      finish(heldBody, done) {
        let body = heldBody;
        if (body.subarray(0, 200).includes(BLANK_DOCUMENT_MARK)) {
          const page = notFoundPage();
          body = Buffer.from(page);
          response.setHeader("ETag", pageETag(page));
        }
        if (response.hasHeader("content-length")) response.setHeader("Content-Length", body.length);
        return response.end(body, done);
      },
    });
  };
}
