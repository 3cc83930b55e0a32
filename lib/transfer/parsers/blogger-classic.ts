import "server-only";
// Blogger's classic export: an Atom feed whose entries are typed by a "kind" category (post,
// page, comment, settings, template), with drafts marked by app:draft and comments tied to their
// post by thr:in-reply-to.
import type { ImportRecord } from "../records";
import { child, childText, type XmlElement } from "../xml/stream";
import { AuthorRegistry, alternateHref, bloggerSourceId, commentRecord, describeEntry, entryRecords, repliedCommentId, skipped } from "./blogger-common";
import { BloggerSettings, settingName } from "./blogger-settings";
import type { RecordParser } from "./index";
import { ATOM, ATOM_PUBLISHING, ATOM_PUBLISHING_1_0, ATOM_THREADING } from "./namespaces";

const KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
const KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#";
const LABEL_SCHEME = "http://www.blogger.com/atom/ns#";

export const parseBloggerClassic: RecordParser = async function* (events) {
  const authors = new AuthorRegistry();
  const settings = new BloggerSettings();
  for await (const event of events) {
    const entry = event.element;
    if (event.kind !== "element" || entry.uri !== ATOM || entry.local !== "entry") continue;
    const kind = kindOf(entry);
    if (kind === "settings") {
      const name = settingName(childText(entry, ATOM, "id"));
      if (name) settings.add(name, child(entry, ATOM, "content")?.text ?? "");
      else yield { type: "skipped", kind: "settings", what: `setting ${childText(entry, ATOM, "id") || `at line ${entry.line}`}`, why: "Its id does not name a setting." };
      continue;
    }
    // Blogger writes the settings first: the first other entry means they are all in.
    const gathered = settings.take();
    if (gathered) yield gathered;
    yield* classicEntry(entry, kind, authors);
  }
  const gathered = settings.take();
  if (gathered) yield gathered;
};

function kindOf(entry: XmlElement): string | null {
  const category = entry.children.find((candidate) => candidate.uri === ATOM && candidate.local === "category" && candidate.attributes.scheme === KIND_SCHEME);
  const term = category?.attributes.term ?? "";
  return term.startsWith(KIND_PREFIX) ? term.slice(KIND_PREFIX.length) : term || null;
}

function* classicEntry(entry: XmlElement, kind: string | null, authors: AuthorRegistry): Generator<ImportRecord> {
  if (kind === "template") {
    yield { type: "skipped", kind: "settings", what: "template", why: "Longhand has its own themes" };
    return;
  }
  if (kind !== "post" && kind !== "page" && kind !== "comment") {
    yield skipped("post", kind ? `entry of kind "${kind}"` : `entry ${childText(entry, ATOM, "id") || `at line ${entry.line}`}`, "Blogger's export has no such kind of entry, so what it holds is unknown.");
    return;
  }
  const sourceId = bloggerSourceId(childText(entry, ATOM, "id"));
  if (!sourceId) {
    yield skipped(kind, describeEntry(entry, kind), "Its id is not a Blogger id (tag:blogger.com,1999:blog-…), so a later import could not find it again.");
    return;
  }
  if (kind === "comment") {
    const postSourceId = bloggerSourceId(child(entry, ATOM_THREADING, "in-reply-to")?.attributes.ref ?? "");
    if (postSourceId) yield commentRecord(entry, { sourceId, postSourceId, parentSourceId: repliedCommentId(entry), status: "VISIBLE" });
    else yield skipped("comment", describeEntry(entry, kind), "It does not say which post it is on (no thr:in-reply-to).");
    return;
  }
  const labels = entry.children.filter((candidate) => candidate.uri === ATOM && candidate.local === "category" && candidate.attributes.scheme === LABEL_SCHEME).map((category) => category.attributes.term ?? "");
  yield* entryRecords(entry, { kind, sourceId, status: isDraft(entry) ? "DRAFT" : "PUBLISHED", trashed: false, address: alternateHref(entry), labels: labels.filter(Boolean) }, authors);
}

function isDraft(entry: XmlElement): boolean {
  return [ATOM_PUBLISHING, ATOM_PUBLISHING_1_0].some((uri) => {
    const control = child(entry, uri, "control");
    return control !== undefined && childText(control, uri, "draft").toLowerCase() === "yes";
  });
}
