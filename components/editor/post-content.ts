import { zonedText } from "@/lib/dates";
import type { PostContent } from "@/lib/validation/posts";

export type { PostContent };

export const sameContent = (a: PostContent, b: PostContent) => JSON.stringify(a) === JSON.stringify(b);

/** "14:02", or "28 Nov, 14:02" for another day, on the blog's clock. */
export function formatClock(iso: string, timeZone: string, { withDay = false } = {}) {
  return zonedText(new Date(iso), timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(withDay ? { day: "numeric", month: "short" } : {}) });
}

/** "9 Dec 2026, 09:30" on the blog's clock. */
export function formatDayAndTime(iso: string, timeZone: string) {
  return zonedText(new Date(iso), timeZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

export type EditorPhase = "draft" | "scheduled" | "published" | "trash";

/** What the post is for readers now: a scheduled post whose time has come is published. */
export function editorPhase(post: { status: string; publishedAt: string | null; trashedAt: string | null }, now: Date): EditorPhase {
  if (post.trashedAt) return "trash";
  if (post.status === "DRAFT") return "draft";
  if (post.status === "SCHEDULED" && post.publishedAt && new Date(post.publishedAt) > now) return "scheduled";
  return "published";
}
