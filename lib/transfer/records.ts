import "server-only";
// What an import reads from an export, in one shape whatever the format: the parsers
// (lib/transfer/parsers/) turn Blogger's and WordPress's files into these records, one at a
// time, and the import engine (lib/transfer/import/) writes them to the database. Nothing here
// is trusted yet: HTML is as the source had it, and the engine sanitizes it on the way in.
import type { CommentModeration, CommentPermission, CommentStatus, PostStatus } from "../generated/prisma/enums";

export type SourceFormat = "blogger" | "blogger-takeout" | "wxr";

/** The blog-wide settings that map onto ours; absent fields leave ours as they are. */
export interface SettingsRecord {
  type: "settings";
  blogTitle?: string;
  description?: string;
  /** An IANA zone ("Europe/London"). */
  timeZone?: string;
  commentPermission?: CommentPermission;
  commentModeration?: CommentModeration;
  moderateAfterDays?: number;
  postsPerPage?: number;
  /** Setting names the source had that do not map, for the report. */
  unmapped?: string[];
}

/** Someone who wrote posts or pages in the source. */
export interface AuthorRecord {
  type: "author";
  /** How entries name this author in the source (a login, a profile URL, or the name itself). */
  key: string;
  name: string;
  /** A real address, or null: placeholders such as Blogger's noreply@blogger.com are dropped by the parser. */
  email: string | null;
}

/** A post or a static page. */
export interface EntryRecord {
  type: "post" | "page";
  /**
   * Stable within the source, and the post's importKey once imported, so importing a newer export
   * updates it. Blogger (both formats): "blogger:<blog id>.post-<id>" from the entry's
   * "tag:blogger.com,1999:blog-<blog id>.post-<id>" (the blog id need not be numeric). WordPress:
   * "wxr:<host of wp:base_site_url>:<wp:post_id>". The exporters write these ids back out.
   */
  sourceId: string;
  title: string;
  /** The source's own slug (Blogger: the URL's last part without ".html"; WordPress: post_name), or "" to make one from the title. */
  slug: string;
  /**
   * The path the entry had on the old blog when it is exactly ours ("/2011/09/slug" for Blogger's
   * "/2011/09/slug.html"), kept so that old links redirect exactly; null to compute it from the
   * publication date in the blog's time zone.
   */
  permalink: string | null;
  bodyHtml: string;
  excerpt: string | null;
  status: PostStatus;
  /** In the source's trash (Blogger SOFT_TRASHED, WordPress trash). */
  trashed: boolean;
  /** Null for drafts that were never published. */
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** An AuthorRecord key; null when the source does not say. */
  authorKey: string | null;
  /** Label names as written ("Books & Reading", "Ελληνικά"); posts only. */
  labels: string[];
  commentsOpen: boolean;
  /**
   * Other addresses the entry had on the old blog, as root-relative paths, with the query where
   * it names the entry ("/?p=123", "/2011/09/08/slug", "/p/about.html"). Each becomes a
   * permanent redirect. No trailing slash (Next.js removes it before routing).
   */
  oldPaths: string[];
  /** What did not map, for the report ("private post imported as a draft", "sticky"). */
  notes: string[];
}

/** A comment on a post (or a reply to one). */
export interface CommentRecord {
  type: "comment";
  /**
   * Stable within the source: "blogger:<blog id>.post-<comment id>" (Blogger numbers comments like
   * posts), "wxr:<site host>:comment-<wp:comment_id>". Stored as the comment's idempotency key
   * "import:<sourceId>".
   */
  sourceId: string;
  /** The EntryRecord.sourceId of the post it is on. */
  postSourceId: string;
  /** The CommentRecord.sourceId it replies to, or null. */
  parentSourceId: string | null;
  authorName: string;
  authorUrl: string | null;
  /** Never shown to readers; matched to an account when one has this address. */
  authorEmail: string | null;
  bodyHtml: string;
  status: CommentStatus;
  createdAt: Date;
}

/**
 * A label (category or tag) the source declares, with the addresses its list had on the old blog
 * ("/category/books", "/tag/long-reads"), which redirect to the label's page here. Labels that
 * entries name are made whether or not a LabelRecord declares them.
 */
export interface LabelRecord {
  type: "label";
  name: string;
  oldPaths: string[];
}

/** Something in the file that is deliberately not imported (a pingback, an attachment, a template), for the report. */
export interface SkippedRecord {
  type: "skipped";
  kind: "posts" | "pages" | "comments" | "settings";
  /** What it was, in the source's words ("pingback from example.org", "template"). */
  what: string;
  why: string;
}

export type ImportRecord = SettingsRecord | AuthorRecord | EntryRecord | CommentRecord | LabelRecord | SkippedRecord;

/** A file that cannot be imported: says what is wrong and, where it can, where (1-based). */
export class ImportFileError extends Error {
  name = "ImportFileError";
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line}, column ${column ?? 1})`);
  }
}
