import "server-only";

/** Widths of the resized copies made beside each still image, narrowest first. */
export const RESIZED_WIDTHS = [480, 960, 1600] as const;

/** Where the original is served: app/uploads/[...key]/route.ts. */
export const uploadUrl = (storageKey: string) => `/uploads/${storageKey}`;

/** The key of the resized copy of `storageKey` at `width` pixels (always WebP). */
export const resizedKey = (storageKey: string, width: number) => `${storageKey.replace(/\.[a-z]+$/, "")}-${width}w.webp`;

/** Every key an upload occupies: the original and its resized copies. */
export const storageKeysOf = ({ storageKey, widths }: { storageKey: string; widths: number[] }) => [
  storageKey,
  ...widths.map((width) => resizedKey(storageKey, width)),
];

/**
 * An `srcset` for an upload: its resized copies and the original at its own width, so a browser
 * picks the smallest that fills the space (give the `<img>` a `sizes` as well).
 */
export function srcSetFor({ storageKey, width, widths }: { storageKey: string; width: number; widths: number[] }): string {
  return [...widths.map((copy) => `${uploadUrl(resizedKey(storageKey, copy))} ${copy}w`), `${uploadUrl(storageKey)} ${width}w`].join(", ");
}

const THUMBNAIL_WIDTH = 480;

/** The 480-pixel copy where there is one, so lists of images stay light however large the originals are. */
export function thumbnailOf(upload: { storageKey: string; width: number; height: number; widths: number[] }) {
  if (!upload.widths.includes(THUMBNAIL_WIDTH)) return { src: uploadUrl(upload.storageKey), width: upload.width, height: upload.height };
  return { src: uploadUrl(resizedKey(upload.storageKey, THUMBNAIL_WIDTH)), width: THUMBNAIL_WIDTH, height: Math.round((upload.height * THUMBNAIL_WIDTH) / upload.width) };
}

/** "holiday_snap-2.jpg" → "Holiday snap 2": a starting point for the alt text, which the author should rewrite. */
export function altFromFileName(fileName: string): string {
  const words = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]*$/, "")
    .replace(/[-_.\s]+/g, " ")
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Image";
}
