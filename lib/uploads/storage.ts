import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/config";
import { DatabaseStorage } from "@/lib/uploads/database-storage";

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
  /** When it was stored (its Last-Modified). */
  storedAt: Date;
}

/**
 * Where uploaded files live. Keys look like "2026/11/k3j2h4g5.png": made by the server, never by
 * the person uploading. Two implementations, chosen by UPLOAD_STORAGE: a folder on this machine
 * and a table in PostgreSQL; an S3-compatible one needs these four operations and nothing else.
 */
export interface UploadStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key, in no particular order (for backups). */
  list(): Promise<string[]>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
};

export const extensionFor = (contentType: string) => Object.entries(CONTENT_TYPES).find(([, type]) => type === contentType)?.[0];

/** The type a key's extension stands for (keys are made from the type: see extensionFor). */
export const contentTypeOf = (key: string): string | undefined => CONTENT_TYPES[path.extname(key)];

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
    if (contentTypeOf(file) !== contentType) throw new Error(`${key} cannot hold ${contentType}`);
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
    const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (!handle) return null;
    try {
      const [bytes, { mtime }] = await Promise.all([handle.readFile(), handle.stat()]);
      return { bytes, contentType: contentTypeOf(file)!, storedAt: mtime };
    } finally {
      await handle.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  async list(): Promise<string[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    // Half-written files (".partial") and anything else that is not a key are not uploads.
    const keys = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
    return keys.filter(isStorageKey);
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

/**
 * The configured storage (UPLOAD_STORAGE): the database the app uses, or the folder UPLOADS_DIR
 * names, relative to the project root (where the server starts).
 */
export function uploadStorage(): UploadStorage {
  const { UPLOAD_STORAGE, UPLOADS_DIR } = config();
  // The app's client is loaded on first use: command-line code imports this module before it knows its database.
  storage ??= UPLOAD_STORAGE === "database" ? new DatabaseStorage(() => import("@/lib/db").then(({ db }) => db)) : new LocalFolderStorage(path.resolve(process.cwd(), UPLOADS_DIR));
  return storage;
}
