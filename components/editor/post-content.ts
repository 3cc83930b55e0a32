import type { PostContent } from "@/lib/validation/posts";

export type { PostContent };

export const sameContent = (a: PostContent, b: PostContent) => JSON.stringify(a) === JSON.stringify(b);

/** "14:02", or "28 Nov, 14:02" for another day, on the blog's clock. */
export function formatClock(iso: string, timeZone: string, { withDay = false } = {}) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(withDay ? { day: "numeric", month: "short" } : {}),
  }).format(new Date(iso));
}
