import "server-only";
import { createHash } from "node:crypto";

/** A strong ETag for a body (or for a key that names the bytes for good): the same text, the same tag. */
export function etagFor(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether the client's copy is current (RFC 9110, section 13.2.2): If-None-Match when it is sent
 * (weak comparison, "*" matches anything), otherwise If-Modified-Since against the last change,
 * to the second as HTTP dates go. The one rule for every route that answers 304s (feeds,
 * uploads); without a last change (an upload's bytes never change) only the ETag counts.
 */
export function isNotModified(requestHeaders: Headers, { etag, lastModified }: { etag: string; lastModified?: Date }): boolean {
  const ifNoneMatch = requestHeaders.get("if-none-match");
  if (ifNoneMatch !== null) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
  }
  const ifModifiedSince = requestHeaders.get("if-modified-since");
  if (ifModifiedSince === null || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** A 200 with validators, or a 304 without a body when the request's validators say the client has it. */
export function conditionalResponse(
  request: Request,
  { body, contentType, lastModified }: { body: string; contentType: string; lastModified: Date },
): Response {
  const etag = etagFor(body);
  const headers = {
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    // Readers may keep it a minute, as the server does; after that they ask again with the validators.
    "Cache-Control": "public, max-age=60",
  };
  if (isNotModified(request.headers, { etag, lastModified })) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}
