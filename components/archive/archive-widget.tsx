import Link from "next/link";
import { formatMonth } from "@/lib/dates";
import { type Locale, messagesFor } from "@/lib/messages";
import type { ArchiveMonth } from "@/lib/queries/sidebar";

/**
 * Years whose months the widget lists (the newest, as Blogger opens it); older years are one link
 * each to their year page, which lists its months. The widget is in every reader page (twice over,
 * with the page's inline payload), so it must not grow with the blog's age: ten years of months
 * were most of a page's weight.
 */
export const YEARS_WITH_MONTHS = 1;

export interface ArchiveYear {
  year: string;
  count: number;
  months: ArchiveMonth[];
}

/** Months (newest first) gathered into their years, newest first, with the year's count. */
export function groupByYear(months: ArchiveMonth[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const month of months) {
    const year = month.period.slice(0, 4);
    const entry = years.at(-1);
    if (entry?.year === year) {
      entry.count += month.count;
      entry.months.push(month);
    } else {
      years.push({ year, count: month.count, months: [month] });
    }
  }
  return years;
}

/**
 * Blogger's archive: years with counts, the newest year open on its months, the newest month
 * open on its newest titles, older years linking to their year pages. details/summary, so it opens and closes without JavaScript; a summary
 * holds no link (a control inside a control), so each period's link is the first entry inside.
 */
export function ArchiveWidget({
  months,
  newestTitles,
  locale,
  heading = messagesFor(locale).blogArchive,
  headingId = "archive-heading",
}: {
  months: ArchiveMonth[];
  newestTitles: { title: string; permalink: string }[];
  locale: Locale;
  /** A layout gadget's own title, and an id no other gadget on the page has. */
  heading?: string;
  headingId?: string;
}) {
  const t = messagesFor(locale);
  return (
    <nav className="widget archive-widget" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ul>
        {groupByYear(months).map((year, yearIndex) => (
          <li key={year.year}>
            {yearIndex < YEARS_WITH_MONTHS ? (
              <details open={yearIndex === 0}>
                <summary>
                  {year.year} <Count count={year.count} />
                </summary>
                <ul>
                  <li>
                    <Link href={`/${year.year}`}>{t.allOf(year.year)}</Link>
                  </li>
                  {year.months.map((month, monthIndex) =>
                    yearIndex === 0 && monthIndex === 0 ? (
                      <NewestMonth key={month.period} month={month} titles={newestTitles} locale={locale} />
                    ) : (
                      <li key={month.period}>
                        <Link href={`/${month.period}`}>{formatMonth(month.period.slice(5), locale)}</Link> <Count count={month.count} />
                      </li>
                    ),
                  )}
                </ul>
              </details>
            ) : (
              <>
                <Link href={`/${year.year}`}>{year.year}</Link> <Count count={year.count} />
              </>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NewestMonth({ month, titles, locale }: { month: ArchiveMonth; titles: { title: string; permalink: string }[]; locale: Locale }) {
  return (
    <li>
      <details open>
        <summary>
          {formatMonth(month.period.slice(5), locale)} <Count count={month.count} />
        </summary>
        <ul>
          <li>
            <Link href={`/${month.period}`}>{messagesFor(locale).allOf(formatMonth(month.period, locale))}</Link>
          </li>
          {titles.map((post) => (
            <li key={post.permalink}>
              <Link href={post.permalink}>{post.title}</Link>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function Count({ count }: { count: number }) {
  return <span className="count">{`(${count})`}</span>;
}
