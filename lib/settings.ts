import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";

export interface BlogSettings {
  blogTitle: string;
  description: string;
  postsPerPage: number;
  timeZone: string;
}

// Before anything is seeded or set, the blog still renders.
const FALLBACK: BlogSettings = { blogTitle: "Longhand", description: "", postsPerPage: 7, timeZone: "UTC" };

export async function getBlogSettings(): Promise<BlogSettings> {
  "use cache";
  cacheTag(tags.settings);
  cacheLife("max");
  const settings = await db.setting.findUnique({
    where: { id: 1 },
    select: { blogTitle: true, description: true, postsPerPage: true, timeZone: true },
  });
  return settings ?? FALLBACK;
}
