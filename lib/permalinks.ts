import "server-only";
import { zonedParts } from "@/lib/dates";
import { slugify } from "@/lib/slugify";

/** "/2011/09/slug": the year and month of publication in the blog's time zone, as Blogger does. */
export function permalinkFor(slug: string, publishedAt: Date, timeZone: string): string {
  return `${archiveMonthPath(publishedAt, timeZone)}/${slug}`;
}

/** "/2011/09": the archive page of the month a date falls in, in the blog's time zone. */
/** An author's page. */
export function authorPath(slug: string): string {
  return `/profile/${slug}`;
}

export function archiveMonthPath(date: Date, timeZone: string): string {
  const part = zonedParts(date, timeZone, { year: "numeric", month: "2-digit" });
  return `/${part("year")}/${part("month")}`;
}

// The editor makes slugs in the browser too, so the rule lives in a module without server-only.
export { slugify } from "@/lib/slugify";

/** A label's slug, by the same rule as posts ("日本の本" → "ri-ben-noben"); a name with nothing to romanise (emoji only) still needs one of its own. */
export const labelSlug = (name: string) => slugify(name) || `label-${Buffer.from(name).toString("hex").slice(0, 40)}`;
