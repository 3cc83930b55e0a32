import { DEFAULT_LOCALE, type Locale } from "@/lib/messages";

// The one place the blog reads a time zone's clock: dates on pages, permalinks, exports, the
// instant a scheduled time names, and the post editor's clock in the browser (so no server-only
// here: nothing in this module needs the server). Making a DateTimeFormat costs far more than using one, and a
// list or an export writes many dates, so each format is made once per locale and zone. Dates
// readers see follow the blog's locale; the dashboard's, and the parts of addresses, British English.
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockOf(timeZone: string, options: Intl.DateTimeFormatOptions, locale: Locale = DEFAULT_LOCALE): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    clocks.set(key, clock);
  }
  return clock;
}

/** The parts of `date` on `timeZone`'s clock ("UTC" or an IANA zone), as `options` spell them. */
export function zonedParts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): (type: Intl.DateTimeFormatPartTypes) => string {
  const found = clockOf(timeZone, options).formatToParts(date);
  return (type) => found.find((part) => part.type === type)?.value ?? "";
}

/** `date` on `timeZone`'s clock as British English writes `options` ("28 Nov, 14:02"). */
export function zonedText(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return clockOf(timeZone, options).format(date);
}

const WALL_CLOCK: Intl.DateTimeFormatOptions = { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" };

/** "2011-09-08 09:41:00" on `timeZone`'s clock: how WordPress stores a time, and the base of every offset below. */
export function wallClockText(date: Date, timeZone: string): string {
  const part = zonedParts(date, timeZone, WALL_CLOCK);
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: Date, timeZone: string): number {
  const wallClock = Date.parse(`${wallClockText(instant, timeZone).replace(" ", "T")}Z`);
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a `datetime-local` value ("2026-11-28T09:30") names on the blog's clock. The offset
 * is checked at the result again, so a time next to a daylight-saving change lands correctly.
 */
export function instantFromZonedLocal(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute);
  const guess = wallClock - zoneOffset(new Date(wallClock), timeZone);
  return new Date(wallClock - zoneOffset(new Date(guess), timeZone));
}

/** Blogger's date header, in the blog's time zone and date style: "Thursday, 8 September 2011" (en-GB). */
export function formatDateHeader(date: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return clockOf(timeZone, { dateStyle: "full" }, locale).format(date);
}

/** The calendar day in the blog's time zone, "2011-09-08": posts sharing it share a date header. */
export function localDayKey(date: Date, timeZone: string): string {
  const part = zonedParts(date, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** "09:41" (en-GB) or "9:41 AM" (en-US), in the blog's time zone. */
export function formatTime(date: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return clockOf(timeZone, { timeStyle: "short" }, locale).format(date);
}

/** "Thursday, 8 September 2011 at 09:41" (en-GB), in the blog's time zone: when something was done. */
export function formatDateTime(date: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return clockOf(timeZone, { dateStyle: "full", timeStyle: "short" }, locale).format(date);
}

/** A month of the archive ("09", or "2011/09" with its year) as `locale` names it: "September", "september 2011". */
export function formatMonth(period: string, locale: Locale): string {
  const [year, month] = period.includes("/") ? period.split("/").map(Number) : [2000, Number(period)];
  const options: Intl.DateTimeFormatOptions = period.includes("/") ? { month: "long", year: "numeric" } : { month: "long" };
  return clockOf("UTC", options, locale).format(Date.UTC(year!, month! - 1, 1));
}

/** How the blog writes its dates for readers: its time zone's clock, in its locale's style. */
export interface BlogClock {
  timeZone: string;
  locale: Locale;
}
