import "server-only";

// Atom 1.0 (RFC 4287) and RSS 2.0 documents from one description of a feed. Pure functions: every
// URL comes in absolute, every string comes in as the reader should see it, and all escaping
// happens here.

export interface FeedAuthor {
  name: string;
  url?: string | null;
}

export interface FeedEntry {
  /** A permanent, absolute URI: the entry's Atom id and RSS guid. */
  id: string;
  title: string;
  /** The entry's page, absolute. */
  url: string;
  published: Date;
  updated: Date;
  author: FeedAuthor;
  categories: string[];
  /** Sanitized HTML, sent as escaped text (Atom type="html", RSS description). */
  contentHtml: string;
  /** Where its comments are: an absolute page URL and the absolute URL of their Atom feed. */
  comments?: { url: string; atomUrl: string };
  /** For a comment: the id and page of the post it is on (Atom threading, RFC 4685). */
  inReplyTo?: { id: string; url: string };
}

export interface Feed {
  title: string;
  description: string;
  /** The blog's language tag ("en-GB", "nl"): Atom's xml:lang, RSS's <language>. */
  language: string;
  /** The page this feed follows, absolute. */
  htmlUrl: string;
  /** The feed's own absolute URLs; the Atom one is also the feed's id. */
  atomUrl: string;
  rssUrl: string;
  updated: Date;
  entries: FeedEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

// Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates, U+FFFE/F).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text without the characters XML 1.0 cannot carry, as CDATA sections need it. */
export function stripNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Text made safe for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return stripNonXmlCharacters(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

type Attributes = Record<string, string | undefined>;

function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
}

/** `<name attributes>text</name>`, the text escaped. */
function text(name: string, content: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(content)}</${name}>`;
}

function empty(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

function parent(name: string, attrs: Attributes, children: string[], indent = ""): string {
  const inner = children.map((child) => `${indent}  ${child}`).join("\n");
  return `<${name}${attributes(attrs)}>\n${inner}\n${indent}</${name}>`;
}

const XML_DECLARATION = `<?xml version="1.0" encoding="utf-8"?>`;
const GENERATOR = "Longhand";

/**
 * Root-relative links and images in stored HTML ("/2011/09/post", "/uploads/a.jpg") made absolute,
 * since a feed reader shows the HTML far from the blog. The HTML went through lib/html.ts's
 * allowlist, which writes attributes in double quotes and refuses protocol-relative URLs.
 */
export function absolutizeHtmlUrls(html: string, origin: string): string {
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${origin}/`);
}

/** The first words of some HTML as plain text, for an entry title: tags dropped, entities decoded, at most `max` characters. */
export function plainTextExcerpt(html: string, max: number): string {
  const plain = html
    .replace(/<(br|\/p|\/li|\/h\d|\/blockquote)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => decodeEntity(entity.toLowerCase()))
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

function decodeEntity(entity: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  if (entity in named) return named[entity]!;
  const code = entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

function atomEntry(entry: FeedEntry): string {
  const author = [text("name", entry.author.name), ...(entry.author.url ? [text("uri", entry.author.url)] : [])];
  return parent(
    "entry",
    {},
    [
      text("id", entry.id),
      text("title", entry.title, { type: "text" }),
      text("published", entry.published.toISOString()),
      text("updated", entry.updated.toISOString()),
      parent("author", {}, author, "    "),
      ...entry.categories.map((term) => empty("category", { term })),
      empty("link", { rel: "alternate", type: "text/html", href: entry.url, title: entry.title }),
      ...(entry.comments
        ? [
            empty("link", { rel: "replies", type: "text/html", href: entry.comments.url }),
            empty("link", { rel: "replies", type: "application/atom+xml", href: entry.comments.atomUrl }),
          ]
        : []),
      ...(entry.inReplyTo ? [empty("thr:in-reply-to", { ref: entry.inReplyTo.id, href: entry.inReplyTo.url, type: "text/html" })] : []),
      text("content", entry.contentHtml, { type: "html" }),
    ],
    "  ",
  );
}

/** An Atom 1.0 document: feed id, title, updated, self and alternate links; each entry with id, title, updated, link, author and content. */
export function renderAtom(feed: Feed): string {
  const body = parent("feed", { xmlns: "http://www.w3.org/2005/Atom", "xmlns:thr": "http://purl.org/syndication/thread/1.0", "xml:lang": feed.language }, [
    text("id", feed.atomUrl),
    text("title", feed.title, { type: "text" }),
    ...(feed.description ? [text("subtitle", feed.description, { type: "text" })] : []),
    text("updated", feed.updated.toISOString()),
    empty("link", { rel: "self", type: "application/atom+xml", href: feed.atomUrl }),
    empty("link", { rel: "alternate", type: "text/html", href: feed.htmlUrl }),
    text("generator", GENERATOR),
    ...feed.entries.map(atomEntry),
  ]);
  return `${XML_DECLARATION}\n${body}\n`;
}

function rssItem(entry: FeedEntry): string {
  return parent(
    "item",
    {},
    [
      text("title", entry.title),
      text("link", entry.url),
      text("guid", entry.id, { isPermaLink: entry.id === entry.url ? "true" : "false" }),
      text("pubDate", entry.published.toUTCString()),
      text("dc:creator", entry.author.name),
      ...entry.categories.map((category) => text("category", category)),
      ...(entry.comments ? [text("comments", entry.comments.url)] : []),
      text("description", entry.contentHtml),
    ],
    "    ",
  );
}

/** An RSS 2.0 document: channel title, link and description, with an atom:link to itself; items with full content. */
export function renderRss(feed: Feed): string {
  const channel = parent(
    "channel",
    {},
    [
      text("title", feed.title),
      text("link", feed.htmlUrl),
      // Required by RSS 2.0 even when the blog has no description.
      text("description", feed.description || feed.title),
      text("language", feed.language),
      text("lastBuildDate", feed.updated.toUTCString()),
      text("generator", GENERATOR),
      empty("atom:link", { href: feed.rssUrl, rel: "self", type: "application/rss+xml" }),
      ...feed.entries.map(rssItem),
    ],
    "  ",
  );
  const body = parent(
    "rss",
    { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom", "xmlns:dc": "http://purl.org/dc/elements/1.1/" },
    [channel],
  );
  return `${XML_DECLARATION}\n${body}\n`;
}
