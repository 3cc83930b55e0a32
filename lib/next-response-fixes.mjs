// Two corrections server.mjs applies to what Next 16.4 sends, each until Next fixes its own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildCacheControls } from "./cached-page-responder.mjs";
import { holdResponseBody } from "./held-response.mjs";
import { NOT_FOUND_PAGE_PATH } from "./next-private.mjs";
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
 * For a path no route matches and for notFound() in a route with parameters (a missing post,
 * label, month or page), Next 16.4 answers with an empty document that its script fills in
 * (vercel/next.js#62228), so a reader without JavaScript sees a blank page. This puts the blog's
 * whole 404 page in its place, with the same 404 status.
 *
 * That page is the one Next renders at its own address (NOT_FOUND_PAGE_PATH) and keeps in its page
 * cache under the same tags as every reader page, so a saved title, theme or gadget shows on it at
 * once: while the cached copy is current it is used as it is; once a tag expired it (or before it
 * was ever rendered) this server asks itself for that address, as a reader would, and waits for
 * the new page; a copy merely past its revalidate time is used while Next renders the next one.
 * The build's prerendered copy, which nothing expires, is only the fallback for when that asking
 * fails.
 *
 * `askForPage(requestPath)` requests a page of this server's and resolves with its status and
 * body, or undefined when it got no whole answer.
 */
export function createNotFoundFiller({ distDir, askForPage }) {
  const builtPage = readFileSync(path.join(distDir, "server", "app", "_not-found.html"), "utf8");
  const buildCacheControl = buildCacheControls(distDir).get(NOT_FOUND_PAGE_PATH);
  /** @type {Promise<string | undefined> | undefined} the page being asked for, shared by the 404s waiting on it */
  let asking;
  let toldBlank = false;

  /** The page at NOT_FOUND_PAGE_PATH, or undefined without one (no answer, or an outage's 503). */
  async function renderedNotFoundPage() {
    const answer = await askForPage(NOT_FOUND_PAGE_PATH);
    return answer?.status === 404 ? answer.body : undefined;
  }

  async function currentNotFoundPage() {
    const cached = RenderStartPageCache.servablePage(NOT_FOUND_PAGE_PATH, buildCacheControl, 404);
    const cachedPage = cached?.entry.value.html;
    if (cachedPage !== undefined && !cached?.stale) return cachedPage;
    asking ??= renderedNotFoundPage()
      // A response that never ends would be worse than the build's copy.
      .catch((error) => void console.error(`Longhand: could not get the 404 page: ${error instanceof Error ? error.message : error}`))
      .finally(() => (asking = undefined));
    return cachedPage ?? (await asking) ?? builtPage;
  }

  /** The page to send for this request's blank document. */
  function notFoundPageFor(request) {
    if (request.url !== NOT_FOUND_PAGE_PATH) return currentNotFoundPage();
    // Asking for the page from within the request that asks for it would wait on itself.
    if (!toldBlank) {
      toldBlank = true;
      console.error(`Longhand: Next answered ${NOT_FOUND_PAGE_PATH} with an empty document too; 404 pages show the build's copy, not what was saved since`);
    }
    return Promise.resolve(builtPage);
  }

  /** Must wrap the response after compression does, so it sees the bytes before they are zipped. */
  return function fillBlankNotFound(request, response) {
    if (request.method !== "GET" || request.headers.rsc !== undefined) return;
    const isHtmlNotFound = () => response.statusCode === 404 && String(response.getHeader("content-type") ?? "").startsWith("text/html");
    holdResponseBody(response, {
      holding: isHtmlNotFound,
      finish(heldBody, done) {
        if (!heldBody.subarray(0, 200).includes(BLANK_DOCUMENT_MARK)) return sendBody(response, heldBody, done);
        void notFoundPageFor(request).then((page) => {
          response.setHeader("ETag", pageETag(page));
          sendBody(response, Buffer.from(page), done);
        });
        return response;
      },
    });
  };
}

function sendBody(response, body, done) {
  if (response.hasHeader("content-length")) response.setHeader("Content-Length", body.length);
  return response.end(body, done);
}
