import http from "node:http";
import { requestHeaders } from "./wrk";

export interface CapturedPage {
  /** Where the page ended up after following redirects: what the load goes to. */
  path: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** The server's X-Longhand-Cache: HIT (served from the page cache), MISS, BYPASS (rendered per request)... */
  cache: string;
}

const MAX_REDIRECTS = 5;

/**
 * One page as wrk will get it (the same headers, no Accept-Encoding): its body and what the server
 * said about it, after following redirects (a search may redirect to its own address).
 */
export async function capturePage(origin: string, startPath: string): Promise<CapturedPage> {
  let target = startPath;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await get(new URL(target, origin));
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, new URL(target, origin));
      if (next.origin !== origin) throw new Error(`${startPath} redirects away from the server, to ${next.href}`);
      target = `${next.pathname}${next.search}`;
      continue;
    }
    return {
      path: target,
      status: response.status,
      contentType: String(response.headers["content-type"] ?? "application/octet-stream"),
      body: response.body,
      cache: String(response.headers["x-longhand-cache"] ?? "-"),
    };
  }
  throw new Error(`${startPath} redirects more than ${MAX_REDIRECTS} times`);
}

function get(url: URL): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: requestHeaders }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.setTimeout(60_000, () => request.destroy(new Error(`${url.href} did not answer within 60 s`)));
    request.on("error", reject);
  });
}
