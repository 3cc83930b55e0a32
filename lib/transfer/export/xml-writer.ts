import "server-only";
import { wallClockText } from "@/lib/dates";
import { escapeXml, stripNonXmlCharacters } from "@/lib/feed-xml";

// The few pieces the XML exporters are written with. Every string from the database goes through
// `text`, `attribute` or `cdata` here, so nothing a person wrote can end an element early.

export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>`;

export type Attributes = Record<string, string | number | undefined>;

function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

/** `<name attributes>text</name>`, the text escaped. */
export function element(name: string, content: string | number, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(String(content))}</${name}>`;
}

/** `<name attributes/>`. */
export function emptyElement(name: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}/>`;
}

/**
 * Text in CDATA sections, as WordPress writes HTML. A "]]>" in the text would end the section, so
 * it is split across two: "]]" ends one, ">" starts the next, and a parser joins them back.
 */
export function cdata(content: string): string {
  return `<![CDATA[${stripNonXmlCharacters(content).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** `<name attributes><![CDATA[text]]></name>`. */
export function cdataElement(name: string, content: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${cdata(content)}</${name}>`;
}

/** `<name attributes>children</name>` on one line, the children already written. */
export function inlineElement(name: string, attrs: Attributes, children: string[]): string {
  return `<${name}${attributes(attrs)}>${children.join("")}</${name}>`;
}

/** `<name attributes>` children, one a line and indented by `indent`, `</name>`. */
export function parentElement(name: string, attrs: Attributes, children: string[], indent: string): string {
  const inner = children.map((child) => `${indent}  ${child}\n`).join("");
  return `${indent}<${name}${attributes(attrs)}>\n${inner}${indent}</${name}>\n`;
}

/** An instant as Atom writes it (RFC 3339, UTC). */
export function atomDate(date: Date): string {
  return date.toISOString();
}

/** An instant as RSS writes it (RFC 2822), in WordPress's spelling: "Thu, 08 Sep 2011 08:41:00 +0000". */
export function rssDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

/** An instant as WordPress stores it, "2011-09-08 09:41:00", on the clock of `timeZone` (an IANA zone or "UTC"). */
export function wordpressDate(date: Date, timeZone: string): string {
  if (timeZone === "UTC") return date.toISOString().slice(0, 19).replace("T", " ");
  return wallClockText(date, timeZone);
}
