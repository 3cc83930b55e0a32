import "server-only";
import { child, type XmlElement } from "../../xml/stream";

// WXR 1.0, 1.1 and 1.2 differ in the version inside their namespaces, not in element names, so
// WordPress's elements are matched by local name in any of them.
const WORDPRESS = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/;
const EXCERPT = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/;
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

export function isWordPress(element: XmlElement, local: string): boolean {
  return element.local === local && WORDPRESS.test(element.uri);
}

/** Every wp: child with this local name. */
export function wpChildren(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((candidate) => isWordPress(candidate, local));
}

/** The trimmed text of the first wp: child with this local name, or "". */
export function wpText(element: XmlElement, local: string): string {
  return wpChildren(element, local)[0]?.text.trim() ?? "";
}

/** The trimmed text of the first plain RSS child (<title>, <link>, <pubDate>), or "". */
export function rssText(element: XmlElement, local: string): string {
  return child(element, "", local)?.text.trim() ?? "";
}

export function contentEncoded(item: XmlElement): string {
  return child(item, CONTENT, "encoded")?.text.trim() ?? "";
}

export function excerptEncoded(item: XmlElement): string {
  return item.children.find((candidate) => candidate.local === "encoded" && EXCERPT.test(candidate.uri))?.text.trim() ?? "";
}

export function creatorLogin(item: XmlElement): string {
  return child(item, DUBLIN_CORE, "creator")?.text.trim() ?? "";
}

/** The values of an item's (or comment's) wp:postmeta / wp:commentmeta entries with this key. */
export function metaValues(element: XmlElement, metaElement: "postmeta" | "commentmeta", key: string): string[] {
  return wpChildren(element, metaElement)
    .filter((meta) => wpText(meta, "meta_key") === key)
    .map((meta) => wpText(meta, "meta_value"));
}
