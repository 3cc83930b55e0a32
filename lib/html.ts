import "server-only";
import sanitizeHtml from "sanitize-html";
import { escapeXml } from "@/lib/feed-xml";

// The one allowlist for HTML that came from a person (post and page bodies, imported content).
// Everything is sanitized on write; pages render stored HTML only through components/post/rich-html.tsx.
// It is wide enough for what blogs moved from Blogger and WordPress contain (figures, tables,
// alignment, YouTube and Vimeo players) and no wider: no script, style sheet, form or event
// handler survives, and no frame but a video player's.
const ALIGNMENT_CLASSES = ["alignleft", "alignright", "aligncenter", "alignwide", "alignnone"];
/** The editor's image sizes (components/editor/figure-image.ts). */
const IMAGE_CLASSES = [...ALIGNMENT_CLASSES, "size-small", "size-medium", "size-full"];
const TEXT_ALIGN = { "text-align": [/^(left|right|center|justify)$/] };

/** Video players that may be framed: their embed addresses, nothing else on those hosts. */
const VIDEO_EMBED = /^https:\/\/(?:www\.youtube(?:-nocookie)?\.com\/embed\/[\w-]{6,20}|player\.vimeo\.com\/video\/\d{4,12})(?:\?[\w=&;%.-]*)?$/;

const POST_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "ul", "ol", "li", "dl", "dt", "dd",
    "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q", "a", "img",
    "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "iframe",
  ],
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    img: ["src", "alt", "title", "width", "height", "class", "srcset", "sizes", "loading", "decoding"],
    iframe: ["src", "width", "height", "title", "allowfullscreen"],
    abbr: ["title"],
    th: ["scope", "colspan", "rowspan", "style"],
    td: ["colspan", "rowspan", "style"],
    figure: ["class"],
    p: ["style", "class"],
    h2: ["style"],
    h3: ["style"],
    h4: ["style"],
  },
  allowedClasses: { img: IMAGE_CLASSES, figure: IMAGE_CLASSES, p: ALIGNMENT_CLASSES },
  allowedStyles: { "*": TEXT_ALIGN },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"], iframe: ["https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // The page's own title is its one <h1>.
    h1: "h2",
    a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs) }),
    img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs) }),
    // Old embeds say http:; the player is the same over https. A frame needs a name for screen readers.
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, src: (attribs.src ?? "").replace(/^(?:https?:)?\/\//, "https://"), title: attribs.title || "Embedded video" },
    }),
  },
  // A frame that is not a known video player goes, whatever else it says.
  exclusiveFilter: (frame) => frame.tag === "iframe" && !VIDEO_EMBED.test(frame.attribs.src ?? ""),
};

/** A link opens in a new tab only as the editor makes it: target=_blank with rel="noopener noreferrer". */
function linkAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const { target, ...rest } = attribs;
  delete rest.rel;
  return target === "_blank" ? { ...rest, target, rel: "noopener noreferrer" } : rest;
}

const OWN_UPLOAD = /^\/uploads\/[\w./-]+$/;
const OWN_SRCSET = /^\/uploads\/[\w./-]+ \d+w(?:, \/uploads\/[\w./-]+ \d+w)*$/;
const SIZES = /^[\w\s().,:-]+$/;

// Responsive and lazy-loading attributes are ours to give (lib/uploads/responsive-images.ts): kept
// only on our own uploads, and only in the shapes we write them.
function imageAttributes({ srcset, sizes, loading, decoding, ...attribs }: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  if (!OWN_UPLOAD.test(attribs.src ?? "")) return attribs;
  return {
    ...attribs,
    ...(srcset && OWN_SRCSET.test(srcset) && { srcset }),
    ...(sizes && SIZES.test(sizes) && { sizes }),
    ...(loading === "lazy" && { loading }),
    ...(decoding === "async" && { decoding }),
  };
}

export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, POST_HTML)
    .replace(/<iframe /g, '<iframe loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" ')
    .trim();
}

// An HTML gadget is on every reader page, and gadgets load nothing from other sites: the posts'
// allowlist without frames, and images only from the blog's own uploads.
const GADGET_HTML: sanitizeHtml.IOptions = {
  ...POST_HTML,
  allowedTags: POST_HTML.allowedTags && POST_HTML.allowedTags.filter((tag) => tag !== "iframe"),
  exclusiveFilter: (frame) => frame.tag === "iframe" || (frame.tag === "img" && !OWN_UPLOAD.test(frame.attribs.src ?? "")),
};

export function sanitizeGadgetHtml(html: string): string {
  return sanitizeHtml(html, GADGET_HTML).trim();
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

// A URL in escaped text: up to whitespace, a tag, a quote or an escaped angle bracket.
const BARE_URL = /https?:\/\/(?:(?!&lt;|&gt;)[^\s<>"'])+/g;
// Closing punctuation after a URL belongs to the sentence, not the link.
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

// What a reader may type: b, i and links; everything else is shown as the text it is. Bare URLs
// outside a link become links.
const COMMENT_INPUT: sanitizeHtml.IOptions = {
  allowedTags: ["b", "i", "a"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  textFilter: (escaped, tag) => (tag === "a" ? escaped : escaped.replace(BARE_URL, linkify)),
};

function linkify(url: string): string {
  const trailing = TRAILING_PUNCTUATION.exec(url)?.[0] ?? "";
  const href = url.slice(0, url.length - trailing.length);
  return `<a href="${href}">${href}</a>${trailing}`;
}

/**
 * A comment as its writer typed it (plain text, blank lines between paragraphs, line breaks,
 * <b>, <i>, <a href>) as stored HTML. The result goes through the comment allowlist once more,
 * which balances tags across paragraphs and gives every link rel="nofollow ugc noopener".
 */
export function commentTextToHtml(text: string): string {
  const inline = sanitizeHtml(text.replace(/\r\n?/g, "\n").trim(), COMMENT_INPUT);
  const paragraphs = inline.split(/\n[ \t]*\n\s*/).map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`);
  return sanitizeCommentHtml(paragraphs.join(""));
}

/** A stored comment back as the text its writer would type, for the edit box. */
export function commentHtmlToText(html: string): string {
  const text = html
    .replace(/<\/p>\s*<p>/g, "\n\n")
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<\/?p>/g, "")
    .replace(/ rel="nofollow ugc noopener"/g, "")
    // A link that was a bare URL goes back to being one.
    .replace(/<a href="([^"]*)">\1<\/a>/g, "$1");
  return decodeEntities(text);
}

const SNIPPET_SENTINELS = /([\u0001\u0002\u0003])/;

/**
 * A search snippet (plain text from stored HTML, matches between \u0001 and \u0002, fragments
 * parted by \u0003) as safe HTML. Its text is escaped whole and the marks are ours, so no parser is
 * needed: sanitize-html took 50-120 µs a snippet, ten on every new query's page. Its entities are
 * the ones stored HTML has (sanitizePostHtml's), decoded so that they are escaped once; a mark is
 * opened only when none is, and closed at the end, so a body holding a sentinel cannot unbalance
 * the page.
 */
export function snippetHtml(snippet: string): string {
  let marking = false;
  const parts = snippet.split(SNIPPET_SENTINELS).map((part) => {
    if (part === "\u0001" || part === "\u0002") {
      const tag = marking === (part === "\u0001") ? "" : marking ? "</mark>" : "<mark>";
      marking = part === "\u0001";
      return tag;
    }
    return part === "\u0003" ? " … " : escapeXml(decodeEntities(part));
  });
  return `${parts.join("")}${marking ? "</mark>" : ""}`.trim();
}
