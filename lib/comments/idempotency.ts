import "server-only";
import { createHash } from "node:crypto";

/**
 * The idempotency key stored with a new comment, derived on the server rather than taken from
 * the form.
 *
 * The comment form sits in the post page's cached static shell, so its `formKey` is the same
 * HTML for every reader until the post's cache is refilled (each comment refills it, giving the
 * next form a new key). A key taken verbatim from the form would therefore collide between
 * readers, and between one reader's different comments. So the key hashes who writes (from the
 * session; for a guest, their address and the name they gave), where (post and parent as
 * submitted), the form's key and the text:
 * - a double click, a retry after a network error, or the browser resubmitting the form sends
 *   the same fields from the same account, so it finds the comment already made;
 * - another reader, another reply target or another text is another key, so different comments
 *   never merge;
 * - the same text again from the same reader becomes a new comment once the page has been
 *   reloaded after the first (the form then carries a new key).
 */
export function commentIdempotencyKey({
  writer,
  postId,
  parentId,
  formKey,
  body,
}: {
  /** The account's id, or a guest's address and name (lib/comments/create.ts). */
  writer: string;
  postId: string;
  parentId: string | undefined;
  formKey: string;
  body: string;
}): string {
  const hash = createHash("sha256");
  for (const part of [writer, postId, parentId ?? "", formKey, body]) hash.update(`${part.length}:${part}`);
  return `v1:${hash.digest("base64url")}`;
}
