import Link from "next/link";
import { Count, monthName } from "@/components/archive/archive-widget";
import { getSidebar } from "@/lib/reader";

/**
 * A year page's months with their counts: where the sidebar sends a year it does not list month
 * by month (components/archive/archive-widget.tsx).
 */
export async function YearMonths({ year }: { year: string }) {
  const { months } = await getSidebar();
  const ofYear = months.filter((month) => month.period.startsWith(`${year}/`));
  if (ofYear.length === 0) return null;
  return (
    <nav className="year-months" aria-label={`Months of ${year}`}>
      <ul>
        {ofYear.map((month) => (
          <li key={month.period}>
            <Link href={`/${month.period}`}>{monthName(month.period.slice(5))}</Link> <Count count={month.count} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
