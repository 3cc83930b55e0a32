import Link from "next/link";
import { Count } from "@/components/archive/archive-widget";
import { formatMonth } from "@/lib/dates";
import type { Locale, Messages } from "@/lib/messages";
import { getSidebar } from "@/lib/reader";

/**
 * A year page's months with their counts: where the sidebar sends a year it does not list month
 * by month (components/archive/archive-widget.tsx).
 */
export async function YearMonths({ year, locale, t }: { year: string; locale: Locale; t: Messages }) {
  const { months } = await getSidebar();
  const ofYear = months.filter((month) => month.period.startsWith(`${year}/`));
  if (ofYear.length === 0) return null;
  return (
    <nav className="year-months" aria-label={t.monthsOf(year)}>
      <ul>
        {ofYear.map((month) => (
          <li key={month.period}>
            <Link href={`/${month.period}`}>{formatMonth(month.period.slice(5), locale)}</Link> <Count count={month.count} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
