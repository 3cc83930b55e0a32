import { randomBytes } from "node:crypto";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// With UPLOAD_STORAGE=database an image uploaded through one server is served by any other on the
// same database: here a second client stands for the second server, and the route answers from it.
const database = withMigratedDatabase();
let images: typeof import("../lib/uploads/images");
let urls: typeof import("../lib/uploads/urls");
let route: typeof import("../app/uploads/[...key]/route");
let otherServer: import("../lib/uploads/storage").UploadStorage;
let otherClient: ReturnType<typeof import("../scripts/lib/prisma").createPrismaClient>;
let db: typeof import("../lib/db").db;

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  process.env.UPLOAD_STORAGE = "database";
  db = (await import("../lib/db")).db;
  images = await import("../lib/uploads/images");
  urls = await import("../lib/uploads/urls");
  route = await import("../app/uploads/[...key]/route");
  const { DatabaseStorage } = await import("../lib/uploads/database-storage");
  const { createPrismaClient } = await import("../scripts/lib/prisma");
  otherClient = createPrismaClient(database.url);
  otherServer = new DatabaseStorage(otherClient);
});

afterAll(() => otherClient.$disconnect());

const serve = (key: string, headers: HeadersInit = {}) =>
  route.GET(new Request(`http://blog.test${urls.uploadUrl(key)}`, { headers }), { params: Promise.resolve({ key: key.split("/") }) });

async function makeAuthor() {
  const id = `u-${randomBytes(5).toString("hex")}`;
  await db.user.create({ data: { id, name: `Writer ${id}`, email: `${id}@example.test`, role: "AUTHOR" } });
  return { id, name: `Writer ${id}`, email: `${id}@example.test`, role: "AUTHOR" as const };
}

describe("uploads kept in the database", () => {
  test("are stored as rows, served with their type, validators and year-long caching, and answered 304 when the reader has them", async () => {
    const author = await makeAuthor();
    const png = await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#2a5aa0" } }).png().toBuffer();
    const stored = await images.storeUpload({ user: author, fileName: "harbour.png", bytes: png });
    const keys = urls.storageKeysOf(stored);
    expect(keys).toHaveLength(3);
    expect((await otherServer.list()).sort()).toEqual(expect.arrayContaining(keys));

    const original = await serve(stored.storageKey);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(original.headers.get("x-content-type-options")).toBe("nosniff");
    const body = Buffer.from(await original.arrayBuffer());
    expect(body.equals((await otherServer.get(stored.storageKey))!.bytes)).toBe(true);
    expect(Number(original.headers.get("content-length"))).toBe(stored.byteSize);

    const copy = await serve(urls.resizedKey(stored.storageKey, 480));
    expect(copy.headers.get("content-type")).toBe("image/webp");
    expect(await sharp(Buffer.from(await copy.arrayBuffer())).metadata()).toMatchObject({ width: 480, height: 240 });

    const etag = original.headers.get("etag")!;
    const again = await serve(stored.storageKey, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const bySince = await serve(stored.storageKey, { "If-Modified-Since": original.headers.get("last-modified")! });
    expect(bySince.status).toBe(304);
  });

  test("deleting an image removes its rows, and the addresses answer 404 everywhere", async () => {
    const author = await makeAuthor();
    const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: "#a05a2a" } }).png().toBuffer();
    const stored = await images.storeUpload({ user: author, fileName: "gone.png", bytes: png });
    await images.deleteUpload({ user: author, id: stored.id });
    for (const key of urls.storageKeysOf(stored)) {
      expect((await serve(key)).status).toBe(404);
      expect(await otherServer.get(key)).toBeNull();
    }
    expect(await otherServer.list()).not.toContain(stored.storageKey);
  });

  test("an import's copies of remote images are stored there too, and a failed import takes its copies away", async () => {
    const copier = await import("../lib/transfer/import/images");
    const uploader = await makeAuthor();
    const photo = await sharp({ create: { width: 900, height: 450, channels: 3, background: "#3a3" } }).png().toBuffer();
    const fetchImage = () => Promise.resolve(new Response(new Uint8Array(photo), { headers: { "Content-Type": "image/png" } }));
    const importing = async (source: string, outcome: "COMMIT" | "ROLLBACK") => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query("BEGIN");
        const images = copier.createImageCopier({ client, uploaderId: uploader.id, fetchImage });
        const body = await images.rewrite(`<p><img src="${source}" alt="Harbour" /></p>`);
        if (outcome === "ROLLBACK") await images.discardStoredFiles();
        await client.query(outcome);
        return /src="\/uploads\/([^"]+)"/.exec(body)![1]!;
      } finally {
        await client.end();
      }
    };

    const kept = await importing("https://old-blog.example/harbour.png", "COMMIT");
    const served = await serve(kept);
    expect(served.status).toBe(200);
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ format: "png", width: 900 });

    const discarded = await importing("https://old-blog.example/lighthouse.png", "ROLLBACK");
    expect((await serve(discarded)).status).toBe(404);
    expect((await otherServer.list()).filter((key) => key.startsWith(discarded.replace(/\.png$/, "")))).toEqual([]);
  });

  test("a key the server never made is not looked up", async () => {
    expect((await serve("../../etc/passwd.png")).status).toBe(404);
    expect((await serve("2026/01/never-stored.png")).status).toBe(404);
  });
});
