import "server-only";
import { ImageRefusedError, processImage, removeStoredFiles, storeImageFiles, type StoredImageColumns } from "@/lib/uploads/processing";
import { uploadStorage, type UploadStorage } from "@/lib/uploads/storage";
import { storageKeysOf, uploadUrl } from "@/lib/uploads/urls";
import { fetchImageBytes, ImageFetchError, webUrl } from "./fetch-image";
import { findImageReferences, replaceReferences, type AttributeReference } from "./image-references";
import { asUtcTimestamp, newId, utcText, type ImportClient } from "./sql";

export interface ImageCopier {
  /** The body with every copyable <img src> (and <a href> that points at the same image file, as Blogger wraps images in links to the full size) rewritten to the local copy; images that fail are left as they were and listed. */
  rewrite(html: string): Promise<string>;
  /** Images that could not be copied: url and a reason a person understands ("answered 404", "not an image", "larger than 10 MB", "timed out after 15 s"). */
  readonly failures: { url: string; reason: string }[];
  /** Counts for the report. */
  readonly counts: { copied: number; reused: number; failed: number };
  /** After a failed import: deletes the files this copier stored (the rows go with the transaction's rollback). */
  discardStoredFiles(): Promise<void>;
}

export interface ImageCopierOptions {
  /** The import's open transaction: Upload rows are looked up and written through it, never committed here. */
  client: ImportClient;
  uploaderId: string;
  storage?: UploadStorage;
  fetchImage?: typeof fetch;
  timeoutMs?: number;
  /** Fetches at once, across every body this copier rewrites. */
  concurrency?: number;
}

/**
 * Copies the remote images of imported bodies into the uploads store, through the same checks and
 * resizing as an upload. Each address is fetched at most once per copier, and not at all when an
 * earlier import already copied it (Upload.sourceUrl), so importing the same file twice changes
 * nothing.
 */
export function createImageCopier({ client, uploaderId, storage = uploadStorage(), fetchImage = fetch, timeoutMs = 15_000, concurrency = 4 }: ImageCopierOptions): ImageCopier {
  const failures: { url: string; reason: string }[] = [];
  const counts = { copied: 0, reused: 0, failed: 0 };
  const storedKeys: string[] = [];
  // Source address → the local address, or null when it could not be copied.
  const copies = new Map<string, Promise<string | null>>();
  const limit = createLimiter(concurrency);
  // A pg client runs one query at a time; the copies under way take turns with it.
  const query = createLimiter(1);

  async function copy(url: URL): Promise<string | null> {
    const earlier = await query(() => client.query<{ storageKey: string }>(`SELECT "storageKey" FROM "Upload" WHERE "sourceUrl" = $1`, [url.href]));
    if (earlier.rows[0]) {
      counts.reused += 1;
      return uploadUrl(earlier.rows[0].storageKey);
    }
    try {
      const image = await limit(async () => processImage(await fetchImageBytes(url, { fetchImage, timeoutMs })));
      const stored = await storeImageFiles({ image, now: new Date(), storage, saveRow: (columns) => query(() => insertUpload(client, columns, url, uploaderId)) });
      storedKeys.push(...storageKeysOf(stored));
      counts.copied += 1;
      return uploadUrl(stored.storageKey);
    } catch (error) {
      const reason = failureReason(error);
      if (reason === null) throw error;
      failures.push({ url: url.href, reason });
      counts.failed += 1;
      return null;
    }
  }

  function copyOnce(url: URL): Promise<string | null> {
    let local = copies.get(url.href);
    if (!local) {
      local = copy(url);
      copies.set(url.href, local);
    }
    return local;
  }

  return {
    failures,
    counts,
    async rewrite(html) {
      const wanted = referencesToCopy(findImageReferences(html));
      const replacements = await Promise.all(wanted.map(async ({ reference, url }) => ({ reference, value: await copyOnce(url) })));
      return replaceReferences(
        html,
        replacements.filter((replacement): replacement is { reference: AttributeReference; value: string } => replacement.value !== null),
      );
    },
    async discardStoredFiles() {
      // Copies still under way when the import failed store their files too: wait for them.
      await Promise.allSettled(copies.values());
      await removeStoredFiles(storage, storedKeys.splice(0));
    },
  };
}

/** The images of a body, and the links around them to the same picture (often at another size). */
function referencesToCopy(references: AttributeReference[]): { reference: AttributeReference; url: URL }[] {
  const located = references.flatMap((reference) => {
    const url = imageAddress(reference.value);
    return url ? [{ reference, url }] : [];
  });
  const pictures = new Set(located.filter(({ reference }) => reference.tag === "img").map(({ url }) => pictureOf(url)));
  return located.filter(({ reference, url }) => reference.tag === "img" || pictures.has(pictureOf(url)));
}

// Browsers ignore the spaces around an address, and fetch "//host/…" by the page's scheme: https
// on any blog worth moving.
function imageAddress(value: string): URL | null {
  const address = value.trim();
  return webUrl(address.startsWith("//") ? `https:${address}` : address);
}

// Blogger serves one photo at many sizes by a path segment ("/s1600/", "/w640-h480-c/") or a
// suffix ("=s1600"), WordPress by "-300x200" before the extension (and "?w=300"): without those,
// the address of the full-size link and of the picture in the page are the same.
const SIZE_SEGMENT = /^[swh]\d+(?:-[a-z0-9]+)*$/i;
const pictureOf = (url: URL) =>
  `${url.host}${url.pathname
    .split("/")
    .filter((segment) => !SIZE_SEGMENT.test(segment))
    .map((segment) => segment.replace(/=[swh]\d+[^/]*$/i, "").replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, ""))
    .join("/")}`;

async function insertUpload(client: ImportClient, columns: StoredImageColumns, url: URL, uploaderId: string): Promise<StoredImageColumns> {
  const originalName = decodeURIComponentSafely(url.pathname.split("/").at(-1) ?? "").slice(0, 255);
  await client.query(
    `INSERT INTO "Upload" ("id", "storageKey", "mimeType", "byteSize", "width", "height", "originalName", "widths", "sourceUrl", "uploaderId", "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${asUtcTimestamp("$11")})`,
    [newId(), columns.storageKey, columns.mimeType, columns.byteSize, columns.width, columns.height, originalName, columns.widths, url.href, uploaderId, utcText(columns.createdAt)],
  );
  return columns;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Why an image was not copied, in the report's words; null for failures of the import itself (the database, the disk). */
function failureReason(error: unknown): string | null {
  if (error instanceof ImageFetchError) return error.reason;
  if (error instanceof ImageRefusedError) return error.status === 415 ? "not an image (PNG, JPEG, WebP or GIF)" : "not a readable image: damaged or cut short";
  return null;
}

/** Runs at most `concurrency` tasks at once; the rest wait their turn. */
function createLimiter(concurrency: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    while (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
