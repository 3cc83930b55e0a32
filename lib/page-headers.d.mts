/** The strong ETag Next gives a page's HTML. */
export function pageETag(html: string): string;
/** The Cache-Control header Next sends with a cached page of this lifetime. */
export function pageCacheControl(lifetime: { revalidate: number | false; expire: number | undefined }): string;
