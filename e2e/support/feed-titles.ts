import { XMLParser, XMLValidator } from "fast-xml-parser";

// A strict XML reading: entities decoded once, as XML defines them. (Feed readers such as
// @rowanmanning/feed-parser decode titles a second time as HTML, so "&#x09;" typed as text
// would come back as a tab.)
const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: false, parseTagValue: false, trimValues: false, isArray: (name) => name === "entry" || name === "item" });

type TitledElement = { title?: string | { "#text"?: string } };
const titleOf = ({ title }: TitledElement) => (typeof title === "string" ? title : (title?.["#text"] ?? ""));

/** The entry (Atom) or item (RSS) titles of a feed, or an error when it is not well-formed XML. */
export function feedEntryTitles(xml: string): string[] {
  const validity = XMLValidator.validate(xml);
  if (validity !== true) throw new Error(`Not well-formed XML: ${validity.err.msg} (line ${validity.err.line})`);
  const document = parser.parse(xml) as { feed?: { entry?: TitledElement[] }; rss?: { channel?: { item?: TitledElement[] } } };
  return (document.feed?.entry ?? document.rss?.channel?.item ?? []).map(titleOf);
}
