import "server-only";
import type { CommentStatus } from "../../../generated/prisma/enums";
import type { CommentRecord, SkippedRecord } from "../../records";
import type { XmlElement } from "../../xml/stream";
import { instantOf } from "./dates";
import { metaValues, wpText } from "./elements";
import { withParagraphs } from "./paragraphs";

export interface CommentContext {
  host: string;
  postSourceId: string;
  /** The item's wp:post_id, to name comments an old export wrote without ids. */
  postId: string;
  /** The blog's offset from UTC at the post, for comments dated only in local time. */
  offset: number | null;
  /** When the post was written: the date of a comment that has none. */
  fallbackDate: Date;
}

const STATUS_BY_APPROVAL: Record<string, CommentStatus> = { "1": "VISIBLE", approve: "VISIBLE", "0": "PENDING", hold: "PENDING", spam: "SPAM", trash: "DELETED" };

function commentSourceId(host: string, commentId: string): string {
  return `wxr:${host}:comment-${commentId}`;
}

/** One wp:comment as a comment, or as skipped when it is a pingback, a trackback or another kind of note. */
export function readComment(comment: XmlElement, position: number, context: CommentContext): CommentRecord | SkippedRecord {
  const authorName = wpText(comment, "comment_author");
  const authorUrl = wpText(comment, "comment_author_url");
  const type = wpText(comment, "comment_type");
  if (type !== "" && type !== "comment") {
    const from = authorUrl || authorName || "an unknown site";
    const why = type === "pingback" || type === "trackback" ? `Longhand does not keep ${type}s` : `a WordPress "${type}" comment, not one a reader wrote`;
    return { type: "skipped", kind: "comments", what: `${type} from ${from}`, why };
  }
  const commentId = wpText(comment, "comment_id") || `${context.postId}.${position}`;
  const parentId = wpText(comment, "comment_parent");
  return {
    type: "comment",
    sourceId: commentSourceId(context.host, commentId),
    postSourceId: context.postSourceId,
    parentSourceId: parentId === "" || parentId === "0" ? null : commentSourceId(context.host, parentId),
    authorName: authorName || "Anonymous",
    authorUrl: authorUrl || null,
    authorEmail: wpText(comment, "comment_author_email") || null,
    bodyHtml: withParagraphs(wpText(comment, "comment_content")),
    status: commentStatus(comment),
    createdAt: instantOf(wpText(comment, "comment_date_gmt"), wpText(comment, "comment_date"), context.offset)?.date ?? context.fallbackDate,
  };
}

// WordPress marks the comments of a trashed post "post-trashed" and keeps what they were before.
function commentStatus(comment: XmlElement): CommentStatus {
  const approval = wpText(comment, "comment_approved");
  const before = approval === "post-trashed" ? metaValues(comment, "commentmeta", "_wp_trash_meta_status")[0] : approval;
  return STATUS_BY_APPROVAL[before ?? "1"] ?? "PENDING";
}
