import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ArchiveWidget, YEARS_WITH_MONTHS } from "../components/archive/archive-widget";
import type { ArchiveMonth } from "../lib/queries/sidebar";

// The sidebar's archive is in every reader page, and again in the page's inline payload: what it
// weighs, every page weighs twice. Bytes are deterministic, so a bound is a fair test.

/** `years` years of months up to December 2024, newest first, `perMonth` posts each. */
function monthsOf(years: number, perMonth: number): ArchiveMonth[] {
  const months: ArchiveMonth[] = [];
  for (let year = 2024; year > 2024 - years; year -= 1) {
    for (let month = 12; month >= 1; month -= 1) months.push({ period: `${year}/${String(month).padStart(2, "0")}`, count: perMonth });
  }
  return months;
}

const newestTitles = Array.from({ length: 10 }, (_, index) => ({
  title: `Letters about the night bus, part ${index}`,
  permalink: `/2024/12/letters-about-the-night-bus-part-${index}`,
}));

const render = (months: ArchiveMonth[]) => renderToStaticMarkup(createElement(ArchiveWidget, { months, newestTitles, locale: "en-GB" }));

describe("the sidebar's archive", () => {
  test("ten years of a busy blog (10,000 posts) weigh under 4 KB", () => {
    const html = render(monthsOf(10, 83));
    expect(Buffer.byteLength(html)).toBeLessThan(4 * 1024);
  });

  test("lists the months of the newest years only; an older year is one link to its year page", () => {
    const html = render(monthsOf(10, 83));
    expect(YEARS_WITH_MONTHS).toBeLessThanOrEqual(3);
    for (let year = 2024; year > 2024 - YEARS_WITH_MONTHS; year -= 1) expect(html).toContain(`href="/${year}/06"`);
    expect(html).not.toContain(`href="/${2024 - YEARS_WITH_MONTHS}/06"`);
    expect(html).toContain(`<a href="/2015">2015</a> <span class="count">(996)</span>`);
  });

  test("grows by one short line a year, not by its months", () => {
    const tenYears = Buffer.byteLength(render(monthsOf(10, 83)));
    const thirtyYears = Buffer.byteLength(render(monthsOf(30, 83)));
    expect((thirtyYears - tenYears) / 20).toBeLessThan(80);
  });
});
