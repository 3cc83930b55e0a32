import "server-only";

/** "/2011/09/slug": the year and month of publication in the blog's time zone, as Blogger does. */
export function permalinkFor(slug: string, publishedAt: Date, timeZone: string): string {
  return `${archiveMonthPath(publishedAt, timeZone)}/${slug}`;
}

/** "/2011/09": the archive page of the month a date falls in, in the blog's time zone. */
export function archiveMonthPath(date: Date, timeZone: string): string {
  const found = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "2-digit", timeZone }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => found.find((entry) => entry.type === type)?.value;
  return `/${part("year")}/${part("month")}`;
}

/** A URL slug from a title: lowercase ASCII words joined by hyphens, at most 80 characters. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
