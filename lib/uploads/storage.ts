import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/config";

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * Where uploaded files live. Keys look like "2026/11/k3j2h4g5.png": made by the server, never by
 * the person uploading. The local folder is the only implementation today; an S3-compatible one
 * needs these three operations and nothing else.
 */
export interface UploadStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
};

export const extensionFor = (contentType: string) => Object.entries(CONTENT_TYPES).find(([, type]) => type === contentType)?.[0];

// Path segments of letters, digits and dashes, ending in one of the image extensions: no "..",
// no absolute paths, no dot files, nothing a file system could read as anything but a name.
const KEY_PATTERN = /^(?:[a-z0-9][a-z0-9-]*\/)*[a-z0-9][a-z0-9-]*\.(?:png|jpg|webp|gif)$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Not a storage key: ${JSON.stringify(key)}`);
    this.name = "InvalidStorageKeyError";
  }
}

export const isStorageKey = (key: string) => KEY_PATTERN.test(key);

/** Files in a folder on this machine; the content type follows from the key's extension. */
export class LocalFolderStorage implements UploadStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.pathFor(key);
    if (CONTENT_TYPES[path.extname(file)] !== contentType) throw new Error(`${key} cannot hold ${contentType}`);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed into place, so a reader never sees half a file.
    const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
    try {
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const file = this.pathFor(key);
    try {
      return { bytes: await readFile(file), contentType: CONTENT_TYPES[path.extname(file)]! };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  private pathFor(key: string): string {
    if (!isStorageKey(key)) throw new InvalidStorageKeyError(key);
    const file = path.resolve(this.root, key);
    // The pattern already rules out leaving the folder; this says so to whoever reads it next.
    if (!file.startsWith(`${this.root}${path.sep}`)) throw new InvalidStorageKeyError(key);
    return file;
  }
}

let storage: UploadStorage | undefined;

/** The configured storage: UPLOADS_DIR, relative to the project root (where the server starts). */
export function uploadStorage(): UploadStorage {
  storage ??= new LocalFolderStorage(path.resolve(process.cwd(), config().UPLOADS_DIR));
  return storage;
}
