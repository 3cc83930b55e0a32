import Link from "next/link";
import type { ArchiveMonth } from "@/lib/queries/sidebar";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function monthName(month: string): string {
  return MONTHS[Number(month) - 1] ?? month;
}

/**
 * Blogger's archive: years with counts, the newest year open on its months, the newest month
 * open on its titles. details/summary, so it opens and closes without JavaScript; a summary
 * holds no link (a control inside a control), so each period's link is the first entry inside.
 */
export function ArchiveWidget({ months, newestTitles }: { months: ArchiveMonth[]; newestTitles: { title: string; permalink: string }[] }) {
  const years: { year: string; count: number; months: ArchiveMonth[] }[] = [];
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
  return (
    <nav className="widget archive-widget" aria-labelledby="archive-heading">
      <h2 id="archive-heading">Blog Archive</h2>
      <ul>
        {years.map((year, yearIndex) => (
          <li key={year.year}>
            <details open={yearIndex === 0}>
              <summary>
                {year.year} <span className="count">({year.count})</span>
              </summary>
              <ul>
                <li>
                  <Link href={`/${year.year}`}>All of {year.year}</Link>
                </li>
                {year.months.map((month, monthIndex) => {
                  const name = monthName(month.period.slice(5));
                  return (
                    <li key={month.period}>
                      {yearIndex === 0 && monthIndex === 0 ? (
                        <details open>
                          <summary>
                            {name} <span className="count">({month.count})</span>
                          </summary>
                          <ul>
                            <li>
                              <Link href={`/${month.period}`}>
                                All of {name} {year.year}
                              </Link>
                            </li>
                            {newestTitles.map((post) => (
                              <li key={post.permalink}>
                                <Link href={post.permalink}>{post.title}</Link>
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : (
                        <>
                          <Link href={`/${month.period}`}>{name}</Link> <span className="count">({month.count})</span>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </nav>
  );
}
