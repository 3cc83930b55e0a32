// The ETag and Cache-Control of a cached page, as Next 16.4 writes them, so that the fast path's
// answers and Next's own are interchangeable: a browser holding Next's ETag gets a 304 from the
// fast path and the other way round (tests/page-headers.test.ts compares them with Next's).

// 64-bit FNV-1a over the string's UTF-16 code units, kept as four 16-bit words so that every
// product stays an exact double; the prime is 2^40 + 435.
function fnv1a52(text) {
  let w0 = 0x2325, w1 = 0x8422, w2 = 0x9ce4, w3 = 0xcbf2;
  for (let index = 0; index < text.length; index++) {
    w0 ^= text.charCodeAt(index);
    const p0 = w0 * 435;
    const p1 = w1 * 435 + (p0 >>> 16);
    const p2 = w2 * 435 + (w0 << 8) + (p1 >>> 16);
    const p3 = w3 * 435 + (w1 << 8) + (p2 >>> 16);
    w0 = p0 & 0xffff;
    w1 = p1 & 0xffff;
    w2 = p2 & 0xffff;
    w3 = p3 & 0xffff;
  }
  // The top 12 bits folded into the bottom ones: a 52-bit number a double holds exactly.
  return (w3 & 15) * 2 ** 48 + w2 * 2 ** 32 + w1 * 2 ** 16 + (w0 ^ (w3 >> 4));
}

/** The strong ETag Next gives a page's HTML. */
export function pageETag(html) {
  return `"${fnv1a52(html).toString(36)}${html.length.toString(36)}"`;
}

const ONE_YEAR_SECONDS = 31_536_000;

/** The Cache-Control header Next sends with a cached page of this lifetime. */
export function pageCacheControl({ revalidate, expire }) {
  if (revalidate === 0) return "private, no-cache, no-store, max-age=0, must-revalidate";
  const staleWhileRevalidate = typeof revalidate === "number" && expire !== undefined && revalidate < expire ? `, stale-while-revalidate=${expire - revalidate}` : "";
  return `s-maxage=${typeof revalidate === "number" ? revalidate : ONE_YEAR_SECONDS}${staleWhileRevalidate}`;
}
