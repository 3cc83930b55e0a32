import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { UploadStorage } from "../lib/uploads/storage";
import { withMigratedDatabase } from "./support/databases";

// Image uploads through the functions the API route and the library page call: real sharp, real
// PostgreSQL, and each storage (a temporary folder, the database). Every image is drawn here by sharp.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let images: typeof import("../lib/uploads/images");
let processing: typeof import("../lib/uploads/processing");
let storageModule: typeof import("../lib/uploads/storage");
let urls: typeof import("../lib/uploads/urls");
let errors: typeof import("../lib/errors");
let folder: string;
let folderStorage: import("../lib/uploads/storage").LocalFolderStorage;
let databaseStorage: UploadStorage;
let storage: UploadStorage;

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  images = await import("../lib/uploads/images");
  processing = await import("../lib/uploads/processing");
  storageModule = await import("../lib/uploads/storage");
  urls = await import("../lib/uploads/urls");
  errors = await import("../lib/errors");
  folder = await mkdtemp(path.join(tmpdir(), "longhand-uploads-"));
  folderStorage = new storageModule.LocalFolderStorage(folder);
  databaseStorage = new (await import("../lib/uploads/database-storage")).DatabaseStorage(db);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

type Role = "AUTHOR" | "ADMIN";
const unique = () => randomBytes(5).toString("hex");

async function makeUser(role: Role = "AUTHOR") {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name: `Writer ${id}`, email: `${id}@example.test`, role } });
  return { id, name: `Writer ${id}`, email: `${id}@example.test`, role };
}

const canvas = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } });

async function storedFiles(): Promise<string[]> {
  return (await storage.list()).sort();
}

const upload = (user: Awaited<ReturnType<typeof makeUser>>, fileName: string, bytes: Buffer, using: UploadStorage = storage) =>
  images.storeUpload({ user, fileName, bytes, storage: using });

describe.each(["folder", "database"] as const)("in the %s storage", (kind) => {
  beforeAll(() => {
    storage = kind === "folder" ? folderStorage : databaseStorage;
  });

  describe("accepted images", () => {
    test("a wide PNG is kept at its size with WebP copies at 480, 960 and 1600 pixels", async () => {
      const author = await makeUser();
      const stored = await upload(author, "reading-room.png", await canvas(2000, 1000).png().toBuffer());
      expect(stored).toMatchObject({ mimeType: "image/png", width: 2000, height: 1000, widths: [480, 960, 1600], originalName: "reading-room.png" });
      expect(stored.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{20}\.png$/);

      const original = await storage.get(stored.storageKey);
      expect(original?.contentType).toBe("image/png");
      expect(stored.byteSize).toBe(original?.bytes.length);
      for (const width of stored.widths) {
        const copy = await storage.get(urls.resizedKey(stored.storageKey, width));
        expect(copy?.contentType).toBe("image/webp");
        const metadata = await sharp(copy!.bytes).metadata();
        expect(metadata).toMatchObject({ format: "webp", width, height: width / 2 });
      }
      const row = await db.upload.findUniqueOrThrow({ where: { id: stored.id } });
      expect(row).toMatchObject({ uploaderId: author.id, widths: [480, 960, 1600], width: 2000, height: 1000 });
    });

    test("a WebP narrower than 960 pixels gets only the 480 copy; one narrower than 480 none", async () => {
      const author = await makeUser();
      const medium = await upload(author, "shelf.webp", await canvas(700, 350).webp().toBuffer());
      expect(medium).toMatchObject({ mimeType: "image/webp", width: 700, height: 350, widths: [480] });
      const small = await upload(author, "icon.webp", await canvas(300, 300).webp().toBuffer());
      expect(small).toMatchObject({ width: 300, height: 300, widths: [] });
    });

    test("a JPEG is turned upright by its EXIF orientation and stored without its EXIF", async () => {
      const author = await makeUser();
      const photo = await canvas(1200, 800)
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExif({ IFD0: { Artist: "A test photographer", Copyright: "Longhand tests" } })
        .toBuffer();
      expect((await sharp(photo).metadata()).exif).toBeDefined();

      const stored = await upload(author, "camera.jpg", photo);
      // Orientation 6 is "rotate 90°": the 1200 × 800 sensor image stands 800 wide and 1200 tall.
      expect(stored).toMatchObject({ mimeType: "image/jpeg", width: 800, height: 1200, widths: [480] });
      expect(stored.storageKey).toMatch(/\.jpg$/);
      const kept = await storage.get(stored.storageKey);
      const metadata = await sharp(kept!.bytes).metadata();
      expect(metadata).toMatchObject({ format: "jpeg", width: 800, height: 1200 });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(kept!.bytes.includes(Buffer.from("A test photographer"))).toBe(false);
    });

    test("a GIF is kept byte for byte, animation and all, with no resized copies", async () => {
      const author = await makeUser();
      const frames = await Promise.all(["#c33", "#3c3", "#33c"].map((colour) => sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).png().toBuffer()));
      const animation = await sharp(frames, { join: { animated: true } }).gif({ delay: [200, 200, 200] }).toBuffer();

      const stored = await upload(author, "blink.gif", animation);
      expect(stored).toMatchObject({ mimeType: "image/gif", width: 640, height: 480, widths: [], byteSize: animation.length });
      const kept = await storage.get(stored.storageKey);
      expect(kept?.bytes.equals(animation)).toBe(true);
      expect((await sharp(kept!.bytes).metadata()).pages).toBe(3);
    });
  });

  describe("refused files", () => {
    test("text named .png, an SVG, an empty file and one over 10 MB are refused with a reason, and nothing is stored", async () => {
      const author = await makeUser();
      const before = await storedFiles();
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
      const tooBig = Buffer.concat([await canvas(10, 10).png().toBuffer(), Buffer.alloc(10 * 1024 * 1024)]);

      const notAnImage = "That file is not a PNG, JPEG, WebP or GIF image (whatever its name says), so it was not uploaded.";
      await expect(upload(author, "notes.png", Buffer.from("Shelving list for Tuesday.\n"))).rejects.toMatchObject({ status: 415, message: notAnImage });
      await expect(upload(author, "logo.svg", svg)).rejects.toMatchObject({ status: 415, message: notAnImage });
      await expect(upload(author, "empty.png", Buffer.alloc(0))).rejects.toMatchObject({ status: 400, message: "Choose an image to upload: that file is empty." });
      await expect(upload(author, "huge.png", tooBig)).rejects.toMatchObject({ status: 413, message: "That file is 10.0 MB; images can be at most 10 MB." });
      // Right magic number, broken inside.
      const truncated = (await canvas(400, 300).png().toBuffer()).subarray(0, 60);
      await expect(upload(author, "cut.png", truncated)).rejects.toBeInstanceOf(processing.ImageRefusedError);

      expect(await db.upload.count({ where: { uploaderId: author.id } })).toBe(0);
      expect(await storedFiles()).toEqual(before);
    });

    test("the type comes from the bytes, not the name", () => {
      expect(processing.detectImageType(Buffer.from("GIF89a..."))).toBe("image/gif");
      expect(processing.detectImageType(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
      expect(processing.detectImageType(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
      expect(processing.detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
      expect(processing.detectImageType(Buffer.from("%PDF-1.7"))).toBeNull();
    });
  });

  /** A storage on a disk that fills up: writes after the first `room` fail as a full disk does. */
  class DiskThatFillsUp implements UploadStorage {
    writes = 0;
    constructor(
      private readonly disk: UploadStorage,
      private readonly room: number,
    ) {}
    async put(key: string, bytes: Buffer, contentType: string) {
      if (++this.writes > this.room) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      await this.disk.put(key, bytes, contentType);
    }
    get(key: string) {
      return this.disk.get(key);
    }
    delete(key: string) {
      return this.disk.delete(key);
    }
    list() {
      return this.disk.list();
    }
  }

  describe("files and rows stay together", () => {
    test("when a file cannot be written, the files already written are removed and there is no row", async () => {
      const author = await makeUser();
      const fillsUp = new DiskThatFillsUp(storage, 2);
      const before = await storedFiles();
      await expect(upload(author, "wide.png", await canvas(2000, 800).png().toBuffer(), fillsUp)).rejects.toThrow("ENOSPC");
      expect(fillsUp.writes).toBe(3);
      expect(await storedFiles()).toEqual(before);
      expect(await db.upload.count({ where: { uploaderId: author.id } })).toBe(0);
    });

    test("when the row cannot be stored, the files are removed", async () => {
      const before = await storedFiles();
      // An uploader the database does not know: the row breaks its foreign key after every file is written.
      const ghost = { id: `gone-${unique()}`, name: "Gone", email: "gone@example.test", role: "AUTHOR" as const };
      await expect(images.storeUpload({ user: ghost, fileName: "late.png", bytes: await canvas(1000, 500).png().toBuffer(), storage })).rejects.toThrow();
      expect(await storedFiles()).toEqual(before);
    });
  });

  describe("the library", () => {
    test("authors list and delete their own images; another author's answers as not found; admins manage all", async () => {
      const [author, other, admin] = [await makeUser(), await makeUser(), await makeUser("ADMIN")];
      const mine = await upload(author, "mine.png", await canvas(1000, 600).png().toBuffer());
      const theirs = await upload(other, "theirs.png", await canvas(500, 500).png().toBuffer());

      const ownList = await images.listUploads({ user: author });
      expect(ownList.uploads.map((item) => item.id)).toEqual([mine.id]);
      expect(ownList).toMatchObject({ total: 1, page: 1, pageCount: 1 });
      const adminList = await images.listUploads({ user: admin, perPage: 1000 });
      expect(adminList.uploads.map((item) => item.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));

      await expect(images.deleteUpload({ user: author, id: theirs.id, storage })).rejects.toBeInstanceOf(errors.NotFoundError);
      await expect(images.deleteUpload({ user: author, id: "no-such-upload", storage })).rejects.toThrow("That image was not found.");
      expect(await storage.get(theirs.storageKey)).not.toBeNull();

      await images.deleteUpload({ user: author, id: mine.id, storage });
      expect(await db.upload.findUnique({ where: { id: mine.id } })).toBeNull();
      for (const key of urls.storageKeysOf(mine)) expect(await storage.get(key)).toBeNull();

      await images.deleteUpload({ user: admin, id: theirs.id, storage });
      expect(await storage.get(theirs.storageKey)).toBeNull();
    });

    test("pages hold the newest first", async () => {
      const author = await makeUser();
      const png = await canvas(40, 40).png().toBuffer();
      const made = [];
      for (let minute = 0; minute < 3; minute++) made.push(await images.storeUpload({ user: author, fileName: `${minute}.png`, bytes: png, storage, now: new Date(Date.UTC(2026, 0, 1, 0, minute)) }));
      const first = await images.listUploads({ user: author, perPage: 2 });
      const second = await images.listUploads({ user: author, perPage: 2, page: 2 });
      expect(first).toMatchObject({ total: 3, pageCount: 2 });
      expect([...first.uploads, ...second.uploads].map((item) => item.id)).toEqual(made.reverse().map((item) => item.id));
    });
  });
});

describe("storage keys and URLs", () => {
  test("the folder storage refuses keys that could leave the folder or that it did not make", async () => {
    for (const key of ["../secret.png", "/etc/passwd.png", "2026/../../x.png", "a/.hidden.png", "notes.txt", "A.PNG", "a//b.png", ""]) {
      await expect(folderStorage.get(key), key).rejects.toBeInstanceOf(storageModule.InvalidStorageKeyError);
      await expect(folderStorage.put(key, Buffer.from("x"), "image/png"), key).rejects.toBeInstanceOf(storageModule.InvalidStorageKeyError);
    }
    await expect(folderStorage.put("2026/01/abc.png", Buffer.from("x"), "image/gif")).rejects.toThrow("cannot hold image/gif");
    expect(await folderStorage.get("2026/01/never-stored.png")).toBeNull();
  });

  test("srcset lists the copies and the original; alt text starts from the file name", () => {
    const upload = { storageKey: "2026/01/abc.png", width: 2000, widths: [480, 960] };
    expect(urls.srcSetFor(upload)).toBe("/uploads/2026/01/abc-480w.webp 480w, /uploads/2026/01/abc-960w.webp 960w, /uploads/2026/01/abc.png 2000w");
    expect(urls.altFromFileName("holiday_snap-2.jpg")).toBe("Holiday snap 2");
    expect(urls.altFromFileName("C:\\Users\\me\\IMG_0042.JPG")).toBe("IMG 0042");
    expect(urls.altFromFileName(".png")).toBe("Image");
  });
});
