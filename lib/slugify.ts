// No "server-only" guard: forms propose a slug from the title as it is typed, in the browser.
import { transliterate } from "transliteration";

const MAX_SLUG = 80;

/**
 * A URL slug from a title: lowercase ASCII words joined by hyphens, at most 80 characters, cut
 * between words. Every script keeps its words: accents drop ("Köln" → "koln"), "ß" becomes "ss",
 * and other scripts are romanised ("Привет мир" → "privet-mir", "日本の本" → "ri-ben-noben"), so
 * addresses stay plain ASCII and never need percent-encoding. "" when nothing is left (emoji
 * only): callers choose their own fallback.
 */
export function slugify(title: string): string {
  const slug = transliterate(title.normalize("NFC"))
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length <= MAX_SLUG ? slug : cutAtWord(slug);
}

function cutAtWord(slug: string): string {
  const lastBreak = slug.lastIndexOf("-", MAX_SLUG);
  return lastBreak > 0 ? slug.slice(0, lastBreak) : slug.slice(0, MAX_SLUG);
}
