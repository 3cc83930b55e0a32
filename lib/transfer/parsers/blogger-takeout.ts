import "server-only";
// Blogger's newer export from Google Takeout (feed.atom): plain Atom entries that say what they are
// in the blogger: namespace (type, status, parent, inReplyTo, filename, created, trashed).
import type { CommentStatus, PostStatus } from "../../generated/prisma/enums";
import type { ImportRecord } from "../records";
import { child, childText, type XmlElement } from "../xml/stream";
import { AuthorRegistry, alternateHref, bloggerSourceId, commentRecord, describeEntry, entryRecords, repliedCommentId, skipped } from "./blogger-common";
import type { RecordParser } from "./index";
import { ATOM, ATOM_THREADING, BLOGGER_TAKEOUT } from "./namespaces";

const KIND_SCHEME = "http://schemas.google.com/g/2005#kind";

const ENTRY_STATUS: Record<string, PostStatus> = { LIVE: "PUBLISHED", PUBLISHED: "PUBLISHED", SCHEDULED: "SCHEDULED", DRAFT: "DRAFT" };
const COMMENT_STATUS: Record<string, CommentStatus> = {
  LIVE: "VISIBLE",
  PENDING: "PENDING",
  DRAFT: "PENDING",
  SPAM: "SPAM",
  SOFT_TRASHED: "DELETED",
  TRASHED: "DELETED",
  DELETED: "DELETED",
  EMPTIED: "DELETED",
};

export const parseBloggerTakeout: RecordParser = async function* (events) {
  const authors = new AuthorRegistry();
  for await (const event of events) {
    const element = event.element;
    if (event.kind !== "element" || element.uri !== ATOM) continue;
    // Takeout keeps the other settings in a separate settings.csv; the feed's title is the blog's.
    if (element.local === "title" && element.text.trim()) yield { type: "settings", blogTitle: element.text.trim() };
    else if (element.local === "entry") yield* takeoutEntry(element, authors);
  }
};

const blogger = (entry: XmlElement, local: string) => childText(entry, BLOGGER_TAKEOUT, local);

function* takeoutEntry(entry: XmlElement, authors: AuthorRegistry): Generator<ImportRecord> {
  const type = blogger(entry, "type").toUpperCase();
  if (type !== "POST" && type !== "PAGE" && type !== "COMMENT") {
    yield skipped("post", type ? `entry of type "${type}"` : `entry ${childText(entry, ATOM, "id") || `at line ${entry.line}`}`, "Blogger's Takeout export has no such type of entry, so what it holds is unknown.");
    return;
  }
  const kind = type === "COMMENT" ? "comment" : type === "PAGE" ? "page" : "post";
  const sourceId = bloggerSourceId(childText(entry, ATOM, "id"));
  if (!sourceId) {
    yield skipped(kind, describeEntry(entry, kind), "Its id is not a Blogger id (tag:blogger.com,1999:blog-…), so a later import could not find it again.");
    return;
  }
  const status = blogger(entry, "status").toUpperCase();
  // <blogger:trashed/> is written empty on every entry; it holds a date once the entry is in the trash.
  const trashed = status === "SOFT_TRASHED" || blogger(entry, "trashed") !== "";
  if (kind === "comment") {
    yield takeoutComment(entry, sourceId, trashed ? "DELETED" : (COMMENT_STATUS[status] ?? "VISIBLE"));
    return;
  }
  const known = ENTRY_STATUS[status];
  const notes = known || status === "SOFT_TRASHED" ? [] : [`Blogger status "${status || "none"}" imported as a draft`];
  const labels = entry.children.filter((candidate) => candidate.uri === ATOM && candidate.local === "category" && candidate.attributes.scheme !== KIND_SCHEME).map((category) => category.attributes.term ?? "");
  yield* entryRecords(
    entry,
    {
      kind,
      sourceId,
      status: known ?? "DRAFT",
      trashed,
      address: blogger(entry, "filename") || alternateHref(entry),
      labels: labels.filter(Boolean),
      excerpt: blogger(entry, "metaDescription") || null,
      createdText: blogger(entry, "created"),
      notes,
    },
    authors,
  );
}

function takeoutComment(entry: XmlElement, sourceId: string, status: CommentStatus): ImportRecord {
  const postSourceId = bloggerSourceId(blogger(entry, "parent") || (child(entry, ATOM_THREADING, "in-reply-to")?.attributes.ref ?? ""));
  if (!postSourceId) return skipped("comment", describeEntry(entry, "comment"), "It does not say which post it is on (no blogger:parent).");
  const parentSourceId = bloggerSourceId(blogger(entry, "inReplyTo")) ?? repliedCommentId(entry);
  return commentRecord(entry, { sourceId, postSourceId, parentSourceId, status });
}
