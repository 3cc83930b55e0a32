import "server-only";
// What happens to an image's bytes, whoever brings it (the upload API, an import's --copy-images):
// checked, turned upright, stripped, resized and stored with its row. No database client here:
// the caller writes the row, so the command-line importer can use it inside its own transaction.
import { randomBytes } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { InvalidRequestError } from "@/lib/errors";
import { extensionFor, type UploadStorage } from "@/lib/uploads/storage";
import { RESIZED_WIDTHS, resizedKey } from "@/lib/uploads/urls";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
type ImageType = (typeof ACCEPTED_TYPES)[number];

/** A refused upload, with the HTTP status the API answers it with. */
export class ImageRefusedError extends InvalidRequestError {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
    this.name = "ImageRefusedError";
  }
}

const startsWith = (bytes: Buffer, signature: string, offset = 0) =>
  bytes.subarray(offset, offset + signature.length).equals(Buffer.from(signature, "latin1"));

/** The type the bytes say they are (their magic numbers), whatever the file is called. */
export function detectImageType(bytes: Buffer): ImageType | null {
  if (startsWith(bytes, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (startsWith(bytes, "\xff\xd8\xff")) return "image/jpeg";
  if (startsWith(bytes, "GIF87a") || startsWith(bytes, "GIF89a")) return "image/gif";
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return "image/webp";
  return null;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export interface ProcessedImage {
  mimeType: ImageType;
  /** The original as stored: rotated upright and without its metadata (GIFs untouched). */
  original: Buffer;
  width: number;
  height: number;
  /** WebP copies narrower than the original, by width. */
  resized: { width: number; bytes: Buffer }[];
}

/**
 * Checks an uploaded file and prepares what is stored: refuses anything that is not a PNG, JPEG,
 * WebP or GIF by its content, or is over 10 MB; turns stills upright by their EXIF orientation
 * and re-encodes them so camera metadata (location, serial numbers) is not published; makes
 * narrower WebP copies for stills. GIFs are kept byte for byte, so animations survive.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new ImageRefusedError("Choose an image to upload: that file is empty.", 400);
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new ImageRefusedError(`That file is ${megabytes(bytes.length)}; images can be at most 10 MB.`, 413);
  }
  const mimeType = detectImageType(bytes);
  if (!mimeType) {
    throw new ImageRefusedError("That file is not a PNG, JPEG, WebP or GIF image (whatever its name says), so it was not uploaded.", 415);
  }
  try {
    if (mimeType === "image/gif") {
      const { width, height } = framesize(await sharp(bytes).metadata());
      return { mimeType, original: bytes, width, height, resized: [] };
    }
    // Animated WebPs stay animated; other stills have one frame and are unaffected.
    const animated = mimeType === "image/webp";
    const upright = sharp(bytes, { animated }).autoOrient();
    const original = await (mimeType === "image/png" ? upright.png() : mimeType === "image/jpeg" ? upright.jpeg({ quality: 90, mozjpeg: true }) : upright.webp({ quality: 90 })).toBuffer();
    const { width, height } = framesize(await sharp(original).metadata());
    const resized = await Promise.all(
      RESIZED_WIDTHS.filter((target) => target < width).map(async (target) => ({
        width: target,
        bytes: await sharp(original, { animated }).resize({ width: target }).webp({ quality: 80 }).toBuffer(),
      })),
    );
    return { mimeType, original, width, height, resized };
  } catch (error) {
    console.warn("An upload could not be decoded", error);
    throw new ImageRefusedError("That image could not be read: it may be damaged or cut short. Try saving it again and uploading the copy.", 400);
  }
}

// For an animated image, sharp's height covers every frame unless asked per page.
const framesize = ({ width, height, pageHeight }: Metadata) => ({ width, height: pageHeight ?? height });

/** "2026/11/<random>": grouped by month so no folder grows without end; random so names cannot be guessed or collide. */
function newStorageKey(mimeType: ImageType, now: Date): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `${month}/${randomBytes(10).toString("hex")}${extensionFor(mimeType)}`;
}

/** The columns of an Upload row that follow from the stored image. */
export interface StoredImageColumns {
  storageKey: string;
  mimeType: ImageType;
  byteSize: number;
  width: number;
  height: number;
  widths: number[];
  createdAt: Date;
}

/**
 * Stores an image's files and then its row (written by `saveRow`) as one: the files are written
 * first and removed again if any write or the row fails, so there is never a row without its
 * files nor (short of a crash) files without a row.
 */
export async function storeImageFiles<Row>({
  image,
  now,
  storage,
  saveRow,
}: {
  image: ProcessedImage;
  now: Date;
  storage: UploadStorage;
  saveRow: (columns: StoredImageColumns) => Promise<Row>;
}): Promise<Row> {
  const storageKey = newStorageKey(image.mimeType, now);
  const files = [
    { key: storageKey, bytes: image.original, contentType: image.mimeType },
    ...image.resized.map((copy) => ({ key: resizedKey(storageKey, copy.width), bytes: copy.bytes, contentType: "image/webp" })),
  ];
  const written: string[] = [];
  try {
    for (const file of files) {
      written.push(file.key);
      await storage.put(file.key, file.bytes, file.contentType);
    }
    return await saveRow({
      storageKey,
      mimeType: image.mimeType,
      byteSize: image.original.length,
      width: image.width,
      height: image.height,
      widths: image.resized.map((copy) => copy.width),
      createdAt: now,
    });
  } catch (error) {
    await removeStoredFiles(storage, written);
    throw error;
  }
}

/** Removes stored files, logging (not throwing) those that could not be: it runs on paths that are already failing or tidying up. */
export async function removeStoredFiles(storage: UploadStorage, keys: string[]) {
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  for (const result of results) {
    if (result.status === "rejected") console.error("An uploaded file could not be removed", result.reason);
  }
}

