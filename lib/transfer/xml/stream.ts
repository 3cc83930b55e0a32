import "server-only";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { ImportFileError } from "../records";

/** One element and everything inside it, small enough to hold: an Atom entry, a WXR item. */
export interface XmlElement {
  /** Namespace URI ("" for none). */
  uri: string;
  local: string;
  /** Attributes without a namespace by local name; namespaced ones as "{uri}local". */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The text and CDATA directly inside it, entities decoded. */
  text: string;
  line: number;
  column: number;
}

export type XmlEvent =
  /** The document element, first and once (its children are not filled in). */
  | { kind: "root"; element: XmlElement }
  /** A collected element, whole, when its end tag has been read. */
  | { kind: "element"; element: XmlElement };

export interface XmlStreamOptions {
  /**
   * Which elements to hand over whole. `depth` is 1 for the document element's children, 2 for
   * theirs. Elements outside a collected one are never held in memory.
   */
  collect(depth: number, uri: string, local: string): boolean;
  /**
   * Prefixes some exports use without declaring them (Blogger's classic export writes `app:draft`
   * without `xmlns:app`): resolved to these namespaces instead of failing.
   */
  undeclaredPrefixes?: Record<string, string>;
}

/**
 * Reads an XML document as it streams in and yields the elements asked for, one at a time, so a
 * file of any size is read in bounded memory. A document that is not well-formed (a truncated
 * file, a stray `<`, an unknown entity) throws an ImportFileError that says where.
 */
export async function* streamXml(chunks: AsyncIterable<string>, options: XmlStreamOptions): AsyncGenerator<XmlEvent> {
  const { collect, undeclaredPrefixes = {} } = options;
  const parser = new SaxesParser({ xmlns: true, position: true, resolvePrefix: (prefix: string) => undeclaredPrefixes[prefix] });
  const ready: XmlEvent[] = [];
  // The open elements inside the one being collected, innermost last.
  const open: XmlElement[] = [];
  let depth = -1;
  let collectingAt = -1;
  let failure: ImportFileError | undefined;

  parser.on("error", (error) => {
    // saxes says "line:column: what" with a 0-based column.
    const [, line, column, what] = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(error.message) ?? [, parser.line, parser.column, error.message];
    failure ??= new ImportFileError(`Not well-formed XML: ${String(what).replace(/\.$/, "")}`, Number(line), Number(column) + 1);
  });
  parser.on("opentag", (tag) => {
    depth += 1;
    const element = toElement(tag as SaxesTagNS, parser.line, parser.column);
    if (depth === 0) ready.push({ kind: "root", element });
    else if (collectingAt >= 0) open.at(-1)!.children.push(element);
    else if (collect(depth, element.uri, element.local)) collectingAt = depth;
    if (collectingAt >= 0) open.push(element);
  });
  const onText = (text: string) => {
    if (collectingAt >= 0) open.at(-1)!.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    if (collectingAt >= 0) {
      const element = open.pop()!;
      if (depth === collectingAt) {
        collectingAt = -1;
        ready.push({ kind: "element", element });
      }
    }
    depth -= 1;
  });

  let first = true;
  for await (const chunk of chunks) {
    parser.write(first ? chunk.replace(/^\uFEFF/, "") : chunk);
    first = false;
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  if (first) throw new ImportFileError("The file is empty.");
  parser.close();
  if (failure) throw failure;
  yield* ready.splice(0);
}

function toElement(tag: SaxesTagNS, line: number, column: number): XmlElement {
  const attributes: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.prefix === "xmlns" || attribute.name === "xmlns") continue;
    attributes[attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local] = attribute.value;
  }
  return { uri: tag.uri, local: tag.local, attributes, children: [], text: "", line, column };
}

/** The first child with this namespace and local name. */
export function child(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.uri === uri && candidate.local === local);
}

/** Every child with this namespace and local name. */
export function children(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.uri === uri && candidate.local === local);
}

/** The trimmed text of the first such child, or "" when there is none. */
export function childText(element: XmlElement, uri: string, local: string): string {
  return child(element, uri, local)?.text.trim() ?? "";
}
