import "server-only";
import type { AuthorRecord, LabelRecord, SkippedRecord } from "../../records";
import type { XmlElement } from "../../xml/stream";
import { isWordPress, wpText } from "./elements";
import { asRequested } from "./paths";

// WordPress files every post without a category under this one; nobody chose it as a label.
const DEFAULT_CATEGORY_SLUG = "uncategorized";

// Item categories in these domains are labels; WXR 1.0 wrote tags as "tag" and repeated each category without a domain.
const LABEL_DOMAINS = new Set(["category", "post_tag", "tag", undefined]);

export function readAuthor(author: XmlElement): AuthorRecord {
  const login = wpText(author, "author_login");
  const fullName = [wpText(author, "author_first_name"), wpText(author, "author_last_name")].filter(Boolean).join(" ");
  return { type: "author", key: login, name: wpText(author, "author_display_name") || fullName || login, email: wpText(author, "author_email") || null };
}

/** An author WXR 1.0 and 1.1 files name by login (dc:creator) without describing. */
export function authorFromLogin(login: string): AuthorRecord {
  return { type: "author", key: login, name: login, email: null };
}

export interface Term {
  taxonomy: string;
  slug: string;
  name: string;
  /** The parent category's slug, or "". */
  parentSlug: string;
}

/** A wp:category, wp:tag or wp:term the channel declares; null for any other element. */
export function termOf(element: XmlElement): Term | null {
  if (isWordPress(element, "category")) {
    return { taxonomy: "category", slug: wpText(element, "category_nicename"), name: wpText(element, "cat_name"), parentSlug: wpText(element, "category_parent") };
  }
  if (isWordPress(element, "tag")) return { taxonomy: "post_tag", slug: wpText(element, "tag_slug"), name: wpText(element, "tag_name"), parentSlug: "" };
  if (isWordPress(element, "term")) {
    return { taxonomy: wpText(element, "term_taxonomy"), slug: wpText(element, "term_slug"), name: wpText(element, "term_name"), parentSlug: wpText(element, "term_parent") };
  }
  return null;
}

/**
 * Categories and tags as labels: those the channel declares, with their old list addresses, and
 * those each item names. A nested category lived at /category/parent/child; WordPress also answered
 * /category/child. Categories are declared parents first, so a child's whole chain is known by the
 * time it arrives.
 */
export class Labels {
  private readonly categoryPaths = new Map<string, string>();
  private defaultCategoryReported = false;
  // WXR 1.0 repeats each item category by name alone, so the default one is also known by its names.
  private readonly defaultCategoryNames = new Set(["Uncategorized"]);

  declared(term: Term, basePath: string): LabelRecord | SkippedRecord | null {
    if (term.taxonomy === "category") return this.category(term, basePath);
    if (term.taxonomy === "post_tag") return { type: "label", name: term.name, oldPaths: [asRequested(`${basePath}/tag/${term.slug}`)] };
    if (term.taxonomy === "nav_menu") return { type: "skipped", kind: "settings", what: `menu “${term.name}”`, why: "Longhand has no menus" };
    return { type: "skipped", kind: "settings", what: `${term.taxonomy} “${term.name}”`, why: "Longhand's labels are made from categories and tags only" };
  }

  /** The label names of an item's <category> elements, in order, and the default category's skip the first time it is met. */
  named(item: XmlElement): { labels: string[]; skipped: SkippedRecord[] } {
    const labels = new Set<string>();
    const skipped: SkippedRecord[] = [];
    for (const category of item.children) {
      if (category.uri !== "" || category.local !== "category" || !LABEL_DOMAINS.has(category.attributes.domain)) continue;
      const name = category.text.trim();
      if (category.attributes.nicename === DEFAULT_CATEGORY_SLUG) this.defaultCategoryNames.add(name);
      if (this.defaultCategoryNames.has(name)) skipped.push(...this.defaultCategory(name));
      else if (name !== "") labels.add(name);
    }
    return { labels: [...labels], skipped };
  }

  private category(term: Term, basePath: string): LabelRecord | SkippedRecord | null {
    const nested = this.categoryPaths.has(term.parentSlug) ? `${this.categoryPaths.get(term.parentSlug)}/${term.slug}` : term.slug;
    this.categoryPaths.set(term.slug, nested);
    if (term.slug === DEFAULT_CATEGORY_SLUG) {
      this.defaultCategoryNames.add(term.name);
      return this.defaultCategory(term.name)[0] ?? null;
    }
    return { type: "label", name: term.name, oldPaths: [...new Set([nested, term.slug])].map((path) => asRequested(`${basePath}/category/${path}`)) };
  }

  private defaultCategory(name: string): SkippedRecord[] {
    if (this.defaultCategoryReported) return [];
    this.defaultCategoryReported = true;
    return [{ type: "skipped", kind: "posts", what: `the “${name}” category`, why: "WordPress's default category, not a label anyone chose: left off every post" }];
  }
}
