import { formatMonth } from "@/lib/dates";
import type { Locale, Messages } from "@/lib/messages";

/** "September 2011" (or "september 2011", as Dutch writes it), or the year alone. */
export function archiveTitle(locale: Locale, year: string, month?: string): string {
  return month ? formatMonth(`${year}/${month}`, locale) : year;
}

export function ArchiveHeading({ title, t }: { title: string; t: Messages }) {
  return <h1 className="list-heading">{t.postsFrom(title)}</h1>;
}
