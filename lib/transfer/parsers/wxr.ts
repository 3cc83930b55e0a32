import "server-only";
import type { RecordParser } from "./index";
import { Channel, type Site } from "./wxr/channel";
import { isWordPress } from "./wxr/elements";
import { readItem } from "./wxr/item";
import { authorFromLogin, Labels, readAuthor, termOf } from "./wxr/terms";

/**
 * Reads a WordPress export (WXR 1.0 to 1.2) from its channel's children: the blog's settings
 * first, then its authors, categories and tags, and each item as it arrives, a post or page
 * followed by its comments.
 */
export const parseWxr: RecordParser = async function* (events) {
  const channel = new Channel();
  const labels = new Labels();
  const authorKeys = new Set<string>();
  let site: Site | undefined;
  let settingsSent = false;
  for await (const event of events) {
    const element = event.element;
    if (event.kind !== "element" || channel.read(element)) continue;
    if (!settingsSent) {
      settingsSent = true;
      yield channel.settings();
    }
    if (isWordPress(element, "author")) {
      const author = readAuthor(element);
      authorKeys.add(author.key);
      yield author;
    } else if (element.uri === "" && element.local === "item") {
      site ??= channel.site(element);
      for (const record of readItem(element, site, labels)) {
        // WXR 1.0 and 1.1 name authors by login (dc:creator) without describing them.
        if ((record.type === "post" || record.type === "page") && record.authorKey && !authorKeys.has(record.authorKey)) {
          authorKeys.add(record.authorKey);
          yield authorFromLogin(record.authorKey);
        }
        yield record;
      }
    } else {
      const term = termOf(element);
      const record = term && labels.declared(term, channel.basePath());
      if (record) yield record;
    }
  }
  if (!settingsSent) yield channel.settings();
};
