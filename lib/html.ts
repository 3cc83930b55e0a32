import "server-only";
import sanitizeHtml from "sanitize-html";

// The one allowlist for HTML that came from a person (post and page bodies, imported content).
// Everything is sanitized on write; pages render stored HTML only through components/post/rich-html.tsx.
const POST_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "blockquote", "pre", "code", "ul", "ol", "li",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    th: ["scope"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, POST_HTML).trim();
}

/** Plain text of stored HTML, for meta descriptions and excerpts. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|blockquote|figcaption)>/g, "$& "), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ({ "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" })[entity]!);
}

// Comments allow far less, as Blogger did: paragraphs, bold, italic and links.
const COMMENT_HTML: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "b", "strong", "i", "em", "a"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener" }) },
};

export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, COMMENT_HTML).trim();
}

/** A search snippet (plain text from stored HTML, matches between \u0001 and \u0002) as safe HTML. */
export function snippetHtml(snippet: string): string {
  const marked = snippet.replaceAll("\u0001", "<mark>").replaceAll("\u0002", "</mark>").replaceAll("\u0003", " … ");
  return sanitizeHtml(marked, { allowedTags: ["mark"], allowedAttributes: {} }).trim();
}
