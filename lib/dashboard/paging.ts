import "server-only";
import { z } from "zod";

/** A page number from the query string: anything odd is the first page. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export interface Paged<Item> {
  items: Item[];
  total: number;
  page: number;
  pageCount: number;
}

/** Offset paging, clamped so a page past the end shows the last one. */
export function pageWindow(page: number, pageSize: number, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  return { page: current, pageCount, skip: (current - 1) * pageSize, take: pageSize };
}
