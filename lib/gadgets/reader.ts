import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { listPopularPosts } from "@/lib/gadgets/popular";
import { listLayout, type Layout } from "@/lib/gadgets/store";
import { READER_CACHE_LIFE } from "@/lib/reader";
import { thumbnailOf } from "@/lib/uploads/urls";

// What reader pages read of the layout, cached and tagged: every gadget write expires
// `gadgets` (lib/cache-invalidation.ts), so a change shows at once.

export interface ProfilePhoto {
  src: string;
  width: number;
  height: number;
}

/** The layout, with each profile gadget's photo as the page shows it (a deleted image is left out). */
export async function getLayout(): Promise<{ layout: Layout; photos: Record<string, ProfilePhoto> }> {
  "use cache";
  cacheTag(tags.gadgets, tags.uploads);
  cacheLife("max");
  const layout = await listLayout();
  const photoIds = [...layout.SIDEBAR, ...layout.FOOTER].flatMap(({ config }) => (config.kind === "PROFILE" && config.photoId ? [config.photoId] : []));
  const uploads = photoIds.length === 0 ? [] : await db.upload.findMany({ where: { id: { in: photoIds } }, select: { id: true, storageKey: true, width: true, height: true, widths: true } });
  return { layout, photos: Object.fromEntries(uploads.map((upload) => [upload.id, thumbnailOf(upload)])) };
}

// A period of days rolls on with the clock: refilled hourly even when nothing is written.
const POPULAR_CACHE_LIFE = { ...READER_CACHE_LIFE, revalidate: 3600, expire: 24 * 3600 };

/** A popular-posts gadget's list: new comments (and moderation) expire `comments`, post changes `posts`. */
export async function getPopularPosts(days: number, count: number) {
  "use cache";
  cacheTag(tags.posts, tags.comments, tags.gadgets);
  cacheLife(POPULAR_CACHE_LIFE);
  return listPopularPosts({ days, count, now: new Date() });
}
