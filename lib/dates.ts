import "server-only";

function parts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const found = new Intl.DateTimeFormat("en-GB", { ...options, timeZone }).formatToParts(date);
  return (type: Intl.DateTimeFormatPartTypes) => found.find((part) => part.type === type)?.value ?? "";
}

/** Blogger's date header, in the blog's time zone: "Thursday, 8 September 2011". */
export function formatDateHeader(date: Date, timeZone: string): string {
  const part = parts(date, timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return `${part("weekday")}, ${part("day")} ${part("month")} ${part("year")}`;
}

/** The calendar day in the blog's time zone, "2011-09-08": posts sharing it share a date header. */
export function localDayKey(date: Date, timeZone: string): string {
  const part = parts(date, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** "09:41", in the blog's time zone. */
export function formatTime(date: Date, timeZone: string): string {
  const part = parts(date, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${part("hour")}:${part("minute")}`;
}

/** "Thursday, 8 September 2011 at 09:41", in the blog's time zone: when something was done. */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatDateHeader(date, timeZone)} at ${formatTime(date, timeZone)}`;
}
