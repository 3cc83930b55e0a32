import "server-only";
import { ImportFileError, type ImportRecord, type SourceFormat } from "../records";
import { streamXml, type XmlElement, type XmlEvent } from "../xml/stream";
import { parseBloggerClassic, parseBloggerTakeout } from "./blogger";
import { ATOM, BLOGGER_TAKEOUT, UNDECLARED_PREFIXES } from "./namespaces";
import { parseWxr } from "./wxr";

export { ATOM, BLOGGER_TAKEOUT } from "./namespaces";

/** Reads the records of one export format from its XML events (the document element excluded). */
export type RecordParser = (events: AsyncIterable<XmlEvent>) => AsyncGenerator<ImportRecord>;

const PARSERS: Record<SourceFormat, RecordParser> = {
  blogger: parseBloggerClassic,
  "blogger-takeout": parseBloggerTakeout,
  wxr: parseWxr,
};

export interface OpenedExport {
  format: SourceFormat;
  records: AsyncGenerator<ImportRecord>;
}

// Atom: the feed's children (settings, entries). RSS (WXR): the channel's children (items, authors, terms).
const collectTopLevel = (depth: number, uri: string, local: string) => depth === 2 || (depth === 1 && !(uri === "" && local === "channel"));

/**
 * Tells which export a file is from its content (never its name) and returns its records as they
 * stream in. Anything that is not a Blogger or WordPress export is refused with what it is.
 */
export async function openXmlExport(chunks: AsyncIterable<string>): Promise<OpenedExport> {
  const events = streamXml(chunks, { collect: collectTopLevel, undeclaredPrefixes: UNDECLARED_PREFIXES });
  const first = await events.next();
  if (first.done || first.value.kind !== "root") throw new ImportFileError("The file holds no XML document.");
  const root = first.value.element;
  const peeked: XmlEvent[] = [];
  const format = await decideFormat(root, events, peeked);
  async function* replay(): AsyncGenerator<XmlEvent> {
    yield* peeked;
    yield* { [Symbol.asyncIterator]: () => events };
  }
  return { format, records: PARSERS[format](replay()) };
}

async function decideFormat(root: XmlElement, events: AsyncGenerator<XmlEvent>, peeked: XmlEvent[]): Promise<SourceFormat> {
  if (root.uri === "" && root.local === "rss") {
    // A WXR file is RSS whose channel or items carry WordPress's export namespace.
    for (let next = await events.next(); !next.done; next = await events.next()) {
      peeked.push(next.value);
      if (usesWordPressNamespace(next.value.element)) return "wxr";
    }
    throw new ImportFileError("This is an RSS feed, not a WordPress export: it has no wp: elements (export with Tools › Export in WordPress).", root.line, root.column);
  }
  if (root.uri === ATOM && root.local === "feed") {
    for (let next = await events.next(); !next.done; next = await events.next()) {
      peeked.push(next.value);
      const element = next.value.element;
      if (element.uri !== ATOM || element.local !== "entry") continue;
      return element.children.some((child) => child.uri === BLOGGER_TAKEOUT) ? "blogger-takeout" : "blogger";
    }
    return "blogger";
  }
  const name = root.uri ? `{${root.uri}}${root.local}` : root.local;
  throw new ImportFileError(`This is not a Blogger or WordPress export: its document element is <${name}>, where an export has an Atom <feed> or an RSS <rss>.`, root.line, root.column);
}

function usesWordPressNamespace(element: XmlElement): boolean {
  return element.uri.startsWith("http://wordpress.org/export/") || element.children.some(usesWordPressNamespace);
}
