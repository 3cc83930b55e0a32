// How Next 16.4 hands over a dynamic route's path segment (its decodePathParams): decoded, except
// for the characters that would split a path ("/", "#", "?", "\\"), which stay escaped, as do
// their own escapes (a typed "%2F" stays "%252F"). The fast path keys cached pages by this rule
// (lib/cached-page-responder.mjs) and the search page reads its query by it (lib/search-address.mjs).
const LEFT_ESCAPED = /[/#?\\]|%(?:2f|23|3f|5c)/gi;

/** A decoded segment as Next hands it over: what Next leaves escaped, escaped. */
export function escapeAsNextLeaves(decoded) {
  return decoded.replace(LEFT_ESCAPED, (found) => encodeURIComponent(found));
}

/** Only what Next leaves escaped, decoded: for a segment that will not decode whole (a stray "%"). */
export function unescapeWhatNextLeaves(segment) {
  return segment.replace(LEFT_ESCAPED, (found) => decodeURIComponent(found));
}
