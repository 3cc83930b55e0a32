import { monthName } from "@/components/archive/archive-widget";

export function archiveTitle(year: string, month?: string): string {
  return month ? `${monthName(month)} ${year}` : year;
}

export function ArchiveHeading({ year, month }: { year: string; month?: string }) {
  return <h1 className="list-heading">Posts from {archiveTitle(year, month)}</h1>;
}
