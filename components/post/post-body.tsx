import { cacheLife, cacheTag } from "next/cache";
import { RichHtml } from "@/components/post/rich-html";
import { tags } from "@/lib/cache-tags";
import { findUploadDimensions, uploadKeysIn, withResponsiveImages } from "@/lib/uploads/responsive-images";

// An upload's dimensions never change; a deleted one expires the tag.
async function getUploadDimensions(keys: string[]) {
  "use cache";
  cacheTag(tags.uploads);
  cacheLife("max");
  return findUploadDimensions(keys);
}

/**
 * A post's or page's body on a reader page, serving our uploads' resized copies. It runs when the
 * cached page is rendered, never per request, and reads only the uploads the body shows.
 */
export async function PostBody({ html, className, eagerFirst }: { html: string; className?: string; eagerFirst: boolean }) {
  const keys = uploadKeysIn(html);
  const uploads = keys.length > 0 ? await getUploadDimensions(keys) : [];
  return <RichHtml className={className} html={withResponsiveImages(html, uploads, { eagerFirst })} />;
}
