// The production web server: Next.js behind a fast path for cached reader pages.
//
//   NODE_ENV=production HOST=127.0.0.1 PORT=3000 node server.mjs
//
// `npm start` runs it (scripts/start.ts); so does a deployment (README, "Deployment"). A request
// for a page Next has cached whole (and not expired) is answered from that cache at once
// (lib/cached-page-responder.mjs); every other request goes through Next as under `next start`.
// Every response says which (X-Longhand-Cache: HIT, STALE, MISS or BYPASS).
import { readFileSync } from "node:fs";
import { createServer, get as httpGet } from "node:http";
import path from "node:path";
import next from "next";
import compression from "compression";
import { createAccessLog, REQUEST_ID_HEADER } from "./lib/access-log.mjs";
import { shareCachedPageHtml } from "./lib/cached-page-html.mjs";
import { limitActionBody } from "./lib/action-body-limit.mjs";
import { CACHE_OUTCOME_HEADER, createCachedPageResponder } from "./lib/cached-page-responder.mjs";
import { createOutageAnswer } from "./lib/database-outage-answer.mjs";
import { stampClientAddress } from "./lib/client-address-header.mjs";
import { hasFreshReads } from "./lib/fresh-reads.mjs";
import { recordFastPath } from "./lib/fast-path-status.mjs";
import { createNotFoundFiller, sendOneLocation } from "./lib/next-response-fixes.mjs";
import { fastPathMismatch } from "./lib/next-private.mjs";
import RenderStartPageCache from "./lib/page-cache-handler.mjs";
import { createSecurityHeaders } from "./lib/security-headers.mjs";

const projectRoot = import.meta.dirname;
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const distDir = path.resolve(projectRoot, process.env.LONGHAND_DIST_DIR || ".next");

const httpServer = createServer();
// Longer than a client or proxy keeps an idle connection (nginx's upstream keepalive_timeout is
// 4 s in deploy/nginx.conf): a server that closes first races a request just sent on that
// connection, which then fails with ECONNRESET (Node's default is 5 s).
httpServer.keepAliveTimeout = 65_000;
const app = next({ dev: false, dir: projectRoot, hostname: host, port, httpServer });
const handleWithNext = app.getRequestHandler();
// Expiries of cache tags reach every server process on the database (lib/tag-bus.mjs); started
// first so that it listens before the first page is cached here.
if (process.env.DATABASE_URL) RenderStartPageCache.shareTagExpiry(process.env.DATABASE_URL);
await app.prepare();
// The fast path relies on Next's private shapes (lib/next-private.mjs): with any of them missing
// or not as it was written for, it stays off, and says so once, rather than failing.
const fastPathOff = await fastPathMismatch({ distDir });
if (fastPathOff) console.error(`Longhand: fast path off: ${fastPathOff}; serving every request through Next`);
recordFastPath(fastPathOff);
const securityHeadersFor = createSecurityHeaders(process.env);
// Where this server reaches itself: the address it listens on, or loopback when it listens on all.
const ownHost = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
// Past this an answer from this server to itself is given up on (the caller has a fallback).
const OWN_ANSWER_TIMEOUT_MS = 10_000;
/** Asks this server for one of its pages, as a reader would: its status and body, or undefined without a whole answer. */
function askOwnServer(requestPath) {
  return new Promise((resolve) => {
    const asked = httpGet({ host: ownHost, port, path: requestPath }, (answer) => {
      const chunks = [];
      answer.on("data", (chunk) => chunks.push(chunk));
      answer.on("close", () => resolve(answer.complete ? { status: answer.statusCode, body: Buffer.concat(chunks).toString("utf8") } : undefined));
    });
    asked.setTimeout(OWN_ANSWER_TIMEOUT_MS, () => asked.destroy(new Error(`no answer in ${OWN_ANSWER_TIMEOUT_MS / 1000} s`)));
    asked.on("error", (error) => {
      console.error(`Longhand: could not ask this server for ${requestPath}: ${error.message}`);
      resolve(undefined);
    });
  });
}
/** So that a stale page is rendered anew. */
const refillPage = (requestPath) => void askOwnServer(requestPath);
const respondFromPageCache = fastPathOff ? () => "BYPASS" : createCachedPageResponder({ distDir, securityHeadersFor, refillPage });
// A query's first answer is made from a cached page (app/search-first/route.ts), read here.
if (!fastPathOff) shareCachedPageHtml((requestPath) => RenderStartPageCache.anyCachedPage(requestPath)?.html);
const fillBlankNotFound = createNotFoundFiller({ distDir, askForPage: askOwnServer });
const answerOutageWith503 = createOutageAnswer({ distDir, databaseUrl: process.env.DATABASE_URL });
// Compression is done here rather than by Next (next.config.mjs: compress false), so that the
// corrections below see Next's bytes before they are zipped. It also frees a response's zlib
// stream when the client leaves mid-response.
// (Connect middleware, typed for Express's request.)
const compress = /** @type {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, next: () => void) => void} */ (
  /** @type {unknown} */ (compression())
);
// Next's draft-mode cookie value: a request carrying it is rendered fresh, past every cache.
const previewModeId = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")).preview?.previewModeId;
const sessionSecret = process.env.NEXTAUTH_SECRET;
const logAccess = createAccessLog();

/** A reader who just changed something sees pages rendered fresh for a few seconds (lib/fresh-reads.mjs). */
function renderFreshFor(request) {
  request.headers.cookie = `${request.headers.cookie}; __prerender_bypass=${previewModeId}`;
}

// Next 16.4 answers a path with broken percent-encoding (say "/%E0%A4%A") with a 500 before any
// of the app's code runs; it is the client's mistake, so it gets a 400 here instead.
function hasBrokenEncoding(url) {
  if (!url.includes("%")) return false;
  try {
    decodeURIComponent(url.split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

const badAddressPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not a valid address</title></head><body><main><h1>Not a valid address</h1><p>This address has a broken escape sequence (a % not followed by two hex digits). <a href="/">Go to the home page</a>.</p></main></body></html>`;

// Ctrl-C and SIGTERM stop the server gracefully, so that a restart behind a load balancer loses no
// request (README, "Deployment"): new connections are refused (nginx tries another instance), idle
// keep-alive connections are closed, and requests in flight are answered before Next is closed
// and the process exits, all within SHUTDOWN_GRACE_MS. Their responses say
// "Connection: close", so the proxy sends nothing more down those connections.
const SHUTDOWN_GRACE_MS = 10_000;
const responsesInFlight = new Set();
let stopping = false;
function lastOnItsConnection(response) {
  if (!response.headersSent) response.setHeader("Connection", "close");
}

/** The security headers and the request's id, for a response sent by Next: set first, so a handler may still replace one. */
function setOwnHeaders(response, url, requestId) {
  for (const [name, value] of securityHeadersFor(url)) response.setHeader(name, value);
  response.setHeader(REQUEST_ID_HEADER, requestId);
}

httpServer.on("request", (request, response) => {
  const url = request.url ?? "/";
  const { requestId, closed } = logAccess(request, response);
  let outcome = "BYPASS";
  if (stopping) lastOnItsConnection(response);
  responsesInFlight.add(response);
  // One listener for the access log and for a graceful stop.
  response.once("close", () => {
    responsesInFlight.delete(response);
    closed(outcome);
    // One whose headers went out before the signal left its connection open: close it now it is idle.
    if (stopping) httpServer.closeIdleConnections();
  });
  if (hasBrokenEncoding(url)) {
    setOwnHeaders(response, url, requestId);
    response.writeHead(400, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", [CACHE_OUTCOME_HEADER]: "BYPASS" });
    response.end(badAddressPage);
    return;
  }
  stampClientAddress(request);
  if (previewModeId && hasFreshReads(request.headers.cookie, sessionSecret)) renderFreshFor(request);
  // The fast path sends every header at once (lib/cached-page-responder.mjs), this request's id with them.
  else outcome = respondFromPageCache(request, response, [REQUEST_ID_HEADER, requestId]);
  if (outcome === "HIT" || outcome === "STALE") return;
  setOwnHeaders(response, url, requestId);
  response.setHeader(CACHE_OUTCOME_HEADER, outcome);
  compress(request, response, () => {});
  sendOneLocation(response);
  fillBlankNotFound(request, response);
  answerOutageWith503(request, response);
  // A server action's body past 1 MB gets a 413 here; Next would answer it with a 500.
  void limitActionBody(request, response).then((withinLimit) => withinLimit && handleWithNext(withinLimit, response));
});

httpServer.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    stopping = true;
    console.log(`Longhand: ${signal}: answering the ${responsesInFlight.size} requests in flight, then stopping`);
    responsesInFlight.forEach(lastOnItsConnection);
    // Past the grace period whatever is still open (a slow request, or Next's own closing, which
    // can wait on a database that is gone) is cut, so a supervisor's stop always ends.
    setTimeout(() => {
      console.error(`Longhand: still busy ${SHUTDOWN_GRACE_MS / 1000} s after ${signal}; stopping anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    httpServer.close(() => void app.close().finally(() => process.exit(0)));
    httpServer.closeIdleConnections();
  });
}
