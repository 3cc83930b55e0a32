import "server-only";
import { db } from "@/lib/db";
import { srcSetFor } from "@/lib/uploads/urls";

/** What a reader page needs of an upload to serve its resized copies without layout shift. */
export interface UploadDimensions {
  storageKey: string;
  width: number;
  height: number;
  widths: number[];
}

const TAG = /<figure\b[^>]*>|<\/figure>|<img\b[^>]*>/g;
const ATTRIBUTE = /\s([\w-]+)(?:="([^"]*)")?/g;
const UPLOAD_SRC = /^\/uploads\/(\S+)$/;

// How wide an image is drawn on the post column (app/globals.css: 68rem page, 16rem sidebar,
// one column under 50rem), by the editor's size classes.
const SIZES: Record<string, string> = {
  "size-small": "(max-width: 18rem) calc(100vw - 2rem), 16rem",
  "size-medium": "(max-width: 30rem) calc(100vw - 2rem), 28rem",
  full: "(max-width: 50rem) calc(100vw - 2rem), 48rem",
};

const attributesOf = (tag: string) => new Map([...tag.matchAll(ATTRIBUTE)].map(([, name, value]) => [name!, value ?? ""]));

const uploadKeyOf = (attributes: Map<string, string>) => UPLOAD_SRC.exec(attributes.get("src") ?? "")?.[1];

/** The storage keys of our own uploads that stored HTML shows. */
export function uploadKeysIn(html: string): string[] {
  const keys = [...html.matchAll(TAG)].map(([tag]) => tag.startsWith("<img") && uploadKeyOf(attributesOf(tag)));
  return [...new Set(keys.filter((key): key is string => Boolean(key)))];
}

export function findUploadDimensions(keys: string[]): Promise<UploadDimensions[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.upload.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true, width: true, height: true, widths: true } });
}

/**
 * Stored (sanitized) HTML as a reader page shows it: each of our uploads gets its resized copies
 * (srcset and sizes from its size class) and its width and height; every image but the first
 * (when `eagerFirst`, on a post's own page, where it is likely in view) loads lazily.
 */
export function withResponsiveImages(html: string, uploads: UploadDimensions[], { eagerFirst }: { eagerFirst: boolean }): string {
  const byKey = new Map(uploads.map((upload) => [upload.storageKey, upload]));
  let figureClass = "";
  let imageCount = 0;
  return html.replace(TAG, (tag) => {
    if (tag === "</figure>") figureClass = "";
    else if (tag.startsWith("<figure")) figureClass = attributesOf(tag).get("class") ?? "";
    if (!tag.startsWith("<img")) return tag;
    const attributes = attributesOf(tag);
    const upload = byKey.get(uploadKeyOf(attributes) ?? "");
    if (upload) {
      if (!attributes.has("width") || !attributes.has("height")) {
        attributes.set("width", String(upload.width));
        attributes.set("height", String(upload.height));
      }
      if (upload.widths.length > 0) {
        const classes = `${attributes.get("class") ?? ""} ${figureClass}`.split(/\s+/);
        attributes.set("srcset", srcSetFor(upload));
        attributes.set("sizes", SIZES[classes.find((name) => name in SIZES) ?? "full"]!);
      }
    }
    imageCount += 1;
    if (eagerFirst && imageCount === 1) attributes.delete("loading");
    else attributes.set("loading", "lazy");
    attributes.set("decoding", "async");
    return `<img ${[...attributes].map(([name, value]) => `${name}="${value}"`).join(" ")} />`;
  });
}
