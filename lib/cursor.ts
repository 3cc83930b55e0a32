import "server-only";
import type { Cursor, PageRequest } from "@/lib/queries/post-lists";

const CURSOR = /^([on])(\d{1,15})\.([a-z0-9]{1,40})$/;

/** "o1315471260000.cmwz…": posts older (o) or newer (n) than that post. URL-safe and stable. */
export function encodeCursor(direction: "older" | "newer", cursor: Cursor): string {
  return `${direction === "older" ? "o" : "n"}${cursor.publishedAt.getTime()}.${cursor.id}`;
}

/** The page a cursor in a URL asks for, or undefined when it is not one of ours. */
export function parseCursor(value: string): PageRequest | undefined {
  const match = CURSOR.exec(value);
  if (!match) return undefined;
  const cursor = { publishedAt: new Date(Number(match[2])), id: match[3]! };
  return match[1] === "o" ? { older: cursor } : { newer: cursor };
}
