import "server-only";
import { formatDateHeader, formatTime } from "@/lib/dates";

/** "Thursday, 8 September 2011 at 09:41", in the blog's time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatDateHeader(date, timeZone)} at ${formatTime(date, timeZone)}`;
}
