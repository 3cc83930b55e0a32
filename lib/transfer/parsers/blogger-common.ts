import "server-only";
// What Blogger's two export formats share: entry ids, authors, dates, addresses, and the shape of
// the posts, pages and comments they turn into.
import type { CommentStatus, PostStatus } from "../../generated/prisma/enums";
import type { AuthorRecord, CommentRecord, EntryRecord, ImportRecord, SkippedRecord } from "../records";
import { child, childText, type XmlElement } from "../xml/stream";
import { ATOM } from "./namespaces";

/** "tag:blogger.com,1999:blog-BLOGID.post-POSTID" → "blogger:BLOGID.post-POSTID"; null for anything else. */
export function bloggerSourceId(atomId: string): string | null {
  const match = /^tag:blogger\.com,1999:blog-(.+)$/.exec(atomId.trim());
  return match ? `blogger:${match[1]}` : null;
}

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** An Atom date as the instant it names (its offset honoured), or null when it is not a real date. */
export function parseAtomDate(text: string): Date | null {
  const match = RFC_3339.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = "0", offsetHours = "0", offsetMinutes = "0"] = match.slice(1).map((part) => part ?? "0");
  // Date() rolls 30 February over into March; an export that says it is broken.
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  const inRange =
    Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= daysInMonth && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60 && Number(offsetHours) <= 23 && Number(offsetMinutes) <= 59;
  const date = new Date(text.trim());
  return inRange && !Number.isNaN(date.getTime()) ? date : null;
}

export type EntryKind = "post" | "page";

const SKIPPED_KIND = { post: "posts", page: "pages", comment: "comments" } as const;

export function skipped(kind: EntryKind | "comment", what: string, why: string): SkippedRecord {
  return { type: "skipped", kind: SKIPPED_KIND[kind], what, why };
}

/** How an entry is named in the report: its title, or its id when it has none. */
export function describeEntry(entry: XmlElement, kind: EntryKind | "comment"): string {
  const title = childText(entry, ATOM, "title");
  return title ? `${kind} "${title}"` : `${kind} ${childText(entry, ATOM, "id") || `at line ${entry.line}`}`;
}

interface EntryDates {
  published: Date | null;
  created: Date;
  updated: Date;
}

/**
 * The entry's dates, or why they cannot be read (a sentence for the report). `created` is Takeout's blogger:created
 * where it has one; otherwise the publication date, or the last update for drafts.
 */
export function readDates(entry: XmlElement, createdText = ""): EntryDates | string {
  const texts = { published: childText(entry, ATOM, "published"), updated: childText(entry, ATOM, "updated"), created: createdText.trim() };
  const dates: Record<keyof typeof texts, Date | null> = { published: null, updated: null, created: null };
  for (const name of ["published", "updated", "created"] as const) {
    if (!texts[name]) continue;
    dates[name] = parseAtomDate(texts[name]);
    if (!dates[name]) return `Its ${name} date "${texts[name]}" is not a valid date.`;
  }
  const created = dates.created ?? dates.published ?? dates.updated;
  if (!created) return "It has no date.";
  return { published: dates.published ?? dates.updated, created, updated: dates.updated ?? dates.published ?? created };
}

const PLACEHOLDER_EMAIL = /^(?:no-?reply|anonymous)@|@blogger\.com$/i;

/** A real address, or null for none and for Blogger's stand-ins (noreply@blogger.com). */
export function realEmail(text: string): string | null {
  const email = text.trim();
  return email.includes("@") && !PLACEHOLDER_EMAIL.test(email) ? email : null;
}

/** A web address someone gave, or null (Blogger leaves the uri empty for anonymous writers). */
export function realUrl(text: string): string | null {
  const url = text.trim();
  return /^https?:\/\/[^\s/]+/i.test(url) ? url : null;
}

/** Announces each post author once, before the first entry that names them. */
export class AuthorRegistry {
  private readonly seen = new Set<string>();

  /** The entry's author key (its profile URI, else its name) and the AuthorRecord to yield first, if new. */
  identify(entry: XmlElement): { key: string | null; announce: AuthorRecord | null } {
    const author = child(entry, ATOM, "author");
    if (!author) return { key: null, announce: null };
    const name = childText(author, ATOM, "name");
    const key = childText(author, ATOM, "uri") || name;
    if (!key) return { key: null, announce: null };
    if (this.seen.has(key)) return { key, announce: null };
    this.seen.add(key);
    return { key, announce: { type: "author", key, name: name || key, email: realEmail(childText(author, ATOM, "email")) } };
  }
}

export interface EntryAddress {
  slug: string;
  permalink: string | null;
  oldPaths: string[];
}

const POST_PATH = /^\/(\d{4})\/(\d{2})\/([^/]+?)(?:\.html)?$/;
const PAGE_PATH = /^\/p\/([^/]+?)(?:\.html)?$/;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Where the entry lived on the old blog, from its address ("http://x.blogspot.com/2011/09/slug.html"
 * or Takeout's "/2011/09/slug.html"): posts keep that exact path as their permalink, pages (which
 * live at /p/<slug> here) redirect from it. Drafts have no address yet: the engine makes a slug.
 */
export function addressOf(kind: EntryKind, href: string, published: boolean): EntryAddress {
  const path = pathOf(href);
  if (!path || path === "/") return { slug: "", permalink: null, oldPaths: [] };
  const post = POST_PATH.exec(path);
  if (kind === "post" && post) {
    const slug = decoded(post[3]!);
    return { slug, permalink: published ? `/${post[1]}/${post[2]}/${slug}` : null, oldPaths: [] };
  }
  const page = PAGE_PATH.exec(path);
  const slug = decoded(page?.[1] ?? path.split("/").at(-1)!.replace(/\.html$/, ""));
  const ours = kind === "page" ? `/p/${slug}` : null;
  return { slug, permalink: null, oldPaths: published && path !== ours ? [path] : [] };
}

function pathOf(href: string): string {
  const trimmed = href.trim();
  if (!trimmed) return "";
  try {
    return new URL(trimmed, "http://blog.invalid").pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

export interface EntryFacts {
  kind: EntryKind;
  sourceId: string;
  status: PostStatus;
  trashed: boolean;
  address: string;
  labels: string[];
  excerpt?: string | null;
  createdText?: string;
  notes?: string[];
}

/** A post or page and, the first time its author appears, that author; or why it was skipped. */
export function* entryRecords(entry: XmlElement, facts: EntryFacts, authors: AuthorRegistry): Generator<ImportRecord> {
  const dates = readDates(entry, facts.createdText);
  if (typeof dates === "string") {
    yield skipped(facts.kind, describeEntry(entry, facts.kind), dates);
    return;
  }
  const published = facts.status !== "DRAFT";
  const { key, announce } = authors.identify(entry);
  if (announce) yield announce;
  const record: EntryRecord = {
    type: facts.kind,
    sourceId: facts.sourceId,
    title: childText(entry, ATOM, "title"),
    ...addressOf(facts.kind, facts.address, published),
    bodyHtml: child(entry, ATOM, "content")?.text ?? "",
    excerpt: facts.excerpt ?? null,
    status: facts.status,
    trashed: facts.trashed,
    publishedAt: published ? dates.published : null,
    createdAt: dates.created,
    updatedAt: dates.updated,
    authorKey: key,
    labels: facts.kind === "post" ? [...new Set(facts.labels)] : [],
    commentsOpen: true,
    notes: facts.notes ?? [],
  };
  yield record;
}

// Blogger keeps a removed comment in the export with one of these sentences as its body.
const REMOVED_BODY = /^\s*This (?:comment|post) has been removed by (?:the author|a blog administrator)\.?\s*$/i;

export interface CommentFacts {
  sourceId: string;
  postSourceId: string;
  parentSourceId: string | null;
  status: CommentStatus;
}

/** A comment, or why it was skipped. */
export function commentRecord(entry: XmlElement, facts: CommentFacts): CommentRecord | SkippedRecord {
  const dates = readDates(entry);
  if (typeof dates === "string") return skipped("comment", describeEntry(entry, "comment"), dates);
  const author = child(entry, ATOM, "author");
  const bodyHtml = child(entry, ATOM, "content")?.text ?? "";
  return {
    type: "comment",
    ...facts,
    status: facts.status === "VISIBLE" && REMOVED_BODY.test(bodyHtml) ? "DELETED" : facts.status,
    authorName: (author && childText(author, ATOM, "name")) || "Anonymous",
    authorUrl: author ? realUrl(childText(author, ATOM, "uri")) : null,
    authorEmail: author ? realEmail(childText(author, ATOM, "email")) : null,
    bodyHtml,
    createdAt: dates.published ?? dates.created,
  };
}

/** The address of the entry's rel="alternate" link (Atom's default rel), or "". */
export function alternateHref(entry: XmlElement): string {
  const link = entry.children.find((candidate) => candidate.uri === ATOM && candidate.local === "link" && (candidate.attributes.rel ?? "alternate") === "alternate");
  return link?.attributes.href ?? "";
}

/**
 * The comment a reply answers, from its rel="related" link
 * (".../feeds/BLOGID/POSTID/comments/default/COMMENTID"), as a CommentRecord sourceId.
 */
export function repliedCommentId(entry: XmlElement): string | null {
  for (const link of entry.children) {
    if (link.uri !== ATOM || link.local !== "link" || link.attributes.rel !== "related") continue;
    const match = /\/feeds\/([^/]+)\/[^/]+\/comments\/default\/([^/?#]+)/.exec(link.attributes.href ?? "");
    if (match) return `blogger:${match[1]}.post-${match[2]}`;
  }
  return null;
}
