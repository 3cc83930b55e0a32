import "server-only";
import { ImportFileError, type SettingsRecord } from "../../records";
import type { XmlElement } from "../../xml/stream";
import { LONGHAND } from "../namespaces";
import { isWordPress } from "./elements";
import { basePathOf } from "./paths";

// Channel elements that describe the blog and come before its authors, terms and items.
const DESCRIPTIVE = new Set(["title", "link", "description", "pubDate", "language", "generator", "image", "cloud", "ttl", "docs", "copyright", "managingEditor", "webMaster", "lastBuildDate", "category", "rating", "textInput", "skipHours", "skipDays"]);
const DESCRIPTIVE_WORDPRESS = new Set(["wxr_version", "base_site_url", "base_blog_url"]);
// What RSS says about a blog that Longhand has no setting for.
const UNMAPPED = ["language", "copyright"];

/** Where the export came from: the host names source ids, the base path prefixes old permalinks. */
export interface Site {
  host: string;
  basePath: string;
}

/** What the channel says about the blog, read as its elements stream past. */
export class Channel {
  private readonly texts = new Map<string, string>();

  /** Takes a descriptive element; false for anything else (an author, a term, an item). */
  read(element: XmlElement): boolean {
    const plain = element.uri === "" && DESCRIPTIVE.has(element.local);
    const wordpress = [...DESCRIPTIVE_WORDPRESS].find((local) => isWordPress(element, local));
    const longhand = element.uri === LONGHAND && element.local === "time_zone" ? "time_zone" : undefined;
    if (!plain && !wordpress && !longhand) return false;
    const name = wordpress ?? longhand ?? element.local;
    if (!this.texts.has(name)) this.texts.set(name, element.text.trim());
    return true;
  }

  settings(): SettingsRecord {
    const settings: SettingsRecord = { type: "settings" };
    const title = this.texts.get("title");
    const description = this.texts.get("description");
    if (title) settings.blogTitle = title;
    if (description) settings.description = description;
    // Only in Longhand's own WXR: the zone its local dates are on (the engine checks it is one).
    const timeZone = this.texts.get("time_zone");
    if (timeZone) settings.timeZone = timeZone;
    const unmapped = UNMAPPED.filter((name) => this.texts.get(name));
    if (unmapped.length > 0) settings.unmapped = unmapped;
    return settings;
  }

  /** The site the export came from: wp:base_site_url names it (the blog's own <link> in old exports). */
  site(at: XmlElement): Site {
    const siteUrl = this.texts.get("base_site_url") || this.texts.get("link") || "";
    const host = hostOf(siteUrl);
    if (!host) throw new ImportFileError("This WordPress export does not say which site it is from (it has no wp:base_site_url and no <link>).", at.line, at.column);
    return { host, basePath: this.basePath() };
  }

  /** The blog's path on its site ("" at the root, "/blog" in a subdirectory): WordPress's addresses all start with it. */
  basePath(): string {
    return basePathOf(this.texts.get("base_blog_url") || this.texts.get("link") || "");
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}
