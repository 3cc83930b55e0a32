import "server-only";
import { revalidateTag } from "next/cache";
import { tags } from "@/lib/cache-tags";

/** After an import: every reader page may have changed, so each is rebuilt on its next request. */
export function expireReaderCaches(): void {
  for (const tag of [tags.settings, tags.posts, tags.labels, tags.pages, tags.redirects, tags.comments]) {
    revalidateTag(tag, { expire: 0 });
  }
}
