import "server-only";
import { ImportFileError, type CommentRecord, type EntryRecord, type SkippedRecord } from "../../records";
import type { XmlElement } from "../../xml/stream";
import { readComment } from "./comments";
import type { Site } from "./channel";
import { instantOf, mysqlDate, offsetAt, type Instant } from "./dates";
import { contentEncoded, creatorLogin, excerptEncoded, metaValues, rssText, wpChildren, wpText } from "./elements";
import { withParagraphs } from "./paragraphs";
import { entryOldPaths } from "./paths";
import { entryState } from "./status";
import type { Labels } from "./terms";

const REVISION = "an earlier version of a post: its latest text is imported";
const SKIPPED_TYPES: Record<string, string> = {
  attachment: "a file in WordPress's media library: images in posts keep their addresses (or are copied with --copy-images)",
  nav_menu_item: "Longhand has no menus",
  revision: REVISION,
};

type ItemRecord = EntryRecord | CommentRecord | SkippedRecord;

/** One <item>: a post or page and then its comments, or what was skipped. */
export function* readItem(item: XmlElement, site: Site, labels: Labels): Generator<ItemRecord> {
  const postType = wpText(item, "post_type") || "post";
  const title = rssText(item, "title");
  const noun = postType === "page" ? "page" : "post";
  const state =
    postType === noun
      ? entryState({
          status: wpText(item, "status"),
          noun,
          statusBeforeTrash: metaValues(item, "postmeta", "_wp_trash_meta_status")[0],
          hasPublicationDate: mysqlDate(wpText(item, "post_date_gmt")) !== null,
          passwordProtected: wpText(item, "post_password") !== "",
        })
      : null;
  if (!state) {
    yield* skippedItem(item, postType, title);
    return;
  }

  const postId = wpText(item, "post_id");
  if (!/^\d+$/.test(postId)) throw new ImportFileError(`The ${noun} “${title}” has no wp:post_id, which every WordPress item has.`, item.line, item.column);
  const sourceId = `wxr:${site.host}:${postId}`;
  const { local, offset, written, modified } = itemDates(item);
  const createdAt = written?.date ?? modified?.date ?? new Date(0);
  const notes = [...state.notes];
  if (!written) notes.push("no date in the export");
  else if (!written.zoneKnown) notes.push("dated in the blog's local time with no time zone: read as UTC");
  if (wpText(item, "is_sticky") === "1") notes.push("sticky: Longhand has no sticky posts");

  const storedSlug = state.trashed ? (metaValues(item, "postmeta", "_wp_desired_post_slug")[0] ?? wpText(item, "post_name").replace(/__trashed$/, "")) : wpText(item, "post_name");
  const { labels: labelNames, skipped } = noun === "post" ? labels.named(item) : { labels: [], skipped: [] };
  yield* skipped;
  yield {
    type: noun,
    sourceId,
    title,
    slug: decodedSlug(storedSlug),
    permalink: null,
    bodyHtml: withParagraphs(contentEncoded(item)),
    excerpt: excerptEncoded(item) || null,
    status: state.status,
    trashed: state.trashed,
    publishedAt: state.wentOut ? (written?.date ?? null) : null,
    createdAt,
    updatedAt: modified?.date ?? createdAt,
    authorKey: creatorLogin(item) || null,
    labels: labelNames,
    commentsOpen: wpText(item, "comment_status") !== "closed",
    oldPaths: entryOldPaths({
      type: noun,
      postId,
      link: rssText(item, "link"),
      basePath: site.basePath,
      slugs: [storedSlug, ...metaValues(item, "postmeta", "_wp_old_slug")],
      localDate: local ?? written?.date ?? null,
      wasPublic: state.wasPublic,
    }),
    notes,
  };
  const context = { host: site.host, postSourceId: sourceId, postId, offset, fallbackDate: createdAt };
  yield* wpChildren(item, "comment").map((comment, position) => readComment(comment, position, context));
}

function* skippedItem(item: XmlElement, postType: string, title: string): Generator<SkippedRecord> {
  const why = SKIPPED_TYPES[postType] ?? (wpText(item, "status") === "inherit" ? REVISION : `WordPress content of type “${postType}”: Longhand has posts and pages only`);
  yield { type: "skipped", kind: postType === "page" ? "pages" : "posts", what: `${postType} “${title}”`, why };
  const comments = wpChildren(item, "comment").length;
  if (comments > 0) yield { type: "skipped", kind: "comments", what: `${comments} comment${comments === 1 ? "" : "s"} on ${postType} “${title}”`, why: `${postType} not imported` };
}

/**
 * When the item was written and last changed. WordPress leaves the UTC dates of undated drafts
 * empty; the blog's offset, from the item's other dates, places their local ones.
 */
function itemDates(item: XmlElement): { local: Date | null; offset: number | null; written: Instant | null; modified: Instant | null } {
  const local = mysqlDate(wpText(item, "post_date"));
  const offset =
    offsetAt(local, mysqlDate(wpText(item, "post_date_gmt")), rssText(item, "pubDate")) ??
    offsetAt(mysqlDate(wpText(item, "post_modified")), mysqlDate(wpText(item, "post_modified_gmt")), "");
  return {
    local,
    offset,
    written: instantOf(wpText(item, "post_date_gmt"), wpText(item, "post_date"), offset),
    modified: instantOf(wpText(item, "post_modified_gmt"), wpText(item, "post_modified"), offset),
  };
}

// WordPress stores non-Latin slugs percent-encoded ("%e6%97%a5%e8%a8%98").
function decodedSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
