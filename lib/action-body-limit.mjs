// server.mjs: a server action's body past 1 MB gets a 413 before Next reads it.
//
// Next 16.4 stops reading a server action's body past `serverActions.bodySizeLimit` (its default,
// 1 MB, which next.config.mjs keeps) by throwing, and answers that with a 500 and an error digest
// (app-render/action-handler.js answers 500 for any error thrown there). A body that large is the
// client's doing, so it is refused here first, as a 413 the reader can make sense of.
import { IncomingMessage } from "node:http";

export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** Whatever is POSTed outside /api/ is a server action (route handlers under /api/ set their own limits). */
function isActionPost(request) {
  return request.method === "POST" && !(request.url ?? "/").startsWith("/api/");
}

/**
 * The request to hand to Next, or null when it was answered here with a 413. A body with a
 * Content-Length is judged by it (Node delivers no more bytes than it declares); a chunked one is
 * read here, counted as it arrives, and handed on whole when it stays within the limit.
 */
export async function limitActionBody(request, response) {
  if (!isActionPost(request)) return request;
  const declared = request.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) <= ACTION_BODY_LIMIT_BYTES) return request;
    refuse(request, response);
    return null;
  }
  const body = await readWithin(request, ACTION_BODY_LIMIT_BYTES);
  if (body) return withBody(request, body);
  refuse(request, response);
  return null;
}

/** The whole body, or null as soon as it passes `maxBytes` (reading then stops) or the client goes. */
function readWithin(request, maxBytes) {
  return new Promise((resolve) => {
    const chunks = [];
    let received = 0;
    const take = (chunk) => {
      received += chunk.length;
      if (received <= maxBytes) return void chunks.push(chunk);
      request.off("data", take);
      resolve(null);
    };
    request.on("data", take);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("close", () => resolve(null));
  });
}

/** The same request, its chunked body (already read) given again with its length. */
function withBody(request, body) {
  const copy = new IncomingMessage(request.socket);
  const headers = { ...request.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  Object.assign(copy, { method: request.method, url: request.url, httpVersion: request.httpVersion, httpVersionMajor: request.httpVersionMajor, httpVersionMinor: request.httpVersionMinor });
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((one) => [name, one]) : [name, value]));
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/**
 * With JavaScript (Next's `next-action` header) the answer is plain text, which Next's client
 * raises as an error the form turns into its own message; without it, a page saying what happened.
 * The rest of the body is read and dropped, so the connection stays usable and the browser, still
 * sending, is not cut off before it sees the answer.
 */
function refuse(request, response) {
  request.resume();
  const script = request.headers["next-action"] !== undefined;
  response.writeHead(413, { "Content-Type": script ? "text/plain" : "text/html; charset=utf-8", "Cache-Control": "no-store" });
  response.end(script ? "That is too large to send: a form can send at most 1 MB." : TOO_LARGE_PAGE);
}

const TOO_LARGE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too long to send</title>
<style>body{margin:0;background:#fdfcf9;color:#1f2328;font:1.0625rem/1.65 Georgia,"Times New Roman",serif}main{max-width:40rem;margin:0 auto;padding:3rem 1rem}h1{font-size:1.6rem;font-weight:normal;line-height:1.25}a{color:#8a3b12}</style>
</head><body><main>
<h1>That was too long to send</h1>
<p>What you sent was over 1 MB, so nothing was posted or saved. A comment can be at most 4,096 characters.</p>
<p>Use your browser's Back button: your text should still be in the form. Shorten it, then send it again.</p>
<p><a href="/">Go to the home page</a></p>
</main></body></html>`;
