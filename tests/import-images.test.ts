import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// --copy-images against a web server of our own on 127.0.0.1 that serves real images drawn by
// sharp and every way a remote image goes wrong, a real PostgreSQL transaction, and a temporary
// folder as the uploads store.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let copier: typeof import("../lib/transfer/import/images");
let urls: typeof import("../lib/uploads/urls");
let storage: import("../lib/uploads/storage").LocalFolderStorage;
let folder: string;
let server: http.Server;
let origin: string;
let uploaderId: string;

const TEN_MB = 10 * 1024 * 1024;
const requests = new Map<string, number>();
const requestsFor = (pathname: string) => requests.get(pathname) ?? 0;
let endlessStreamFinished = false;
let galleryInFlight = 0;
let galleryMostInFlight = 0;

const canvas = (width: number, height: number, colour = "#2a5aa0") => sharp({ create: { width, height, channels: 3, background: colour } });

async function startImageServer() {
  const harbourFull = await canvas(2000, 1000).png().toBuffer();
  const harbourSmall = await canvas(1200, 600).png().toBuffer();
  const lighthouse = await canvas(600, 900, "#c33").png().toBuffer();
  // 1200 × 800 as the sensor saw it; orientation 6 says "turn it a quarter to stand upright".
  const camera = await canvas(1200, 800, "#3a3").jpeg().withMetadata({ orientation: 6 }).withExif({ IFD0: { Artist: "A test photographer" } }).toBuffer();
  const gallery = await canvas(200, 200, "#999").png().toBuffer();

  const files: Record<string, { type: string; bytes: Buffer }> = {
    "/photos/s1600/harbour.png": { type: "image/png", bytes: harbourFull },
    "/photos/s320/harbour.png": { type: "image/png", bytes: harbourSmall },
    "/camera.jpg": { type: "image/jpeg", bytes: camera },
    "/new/lighthouse.png": { type: "image/png", bytes: lighthouse },
    "/fresh.png": { type: "image/png", bytes: await canvas(700, 300, "#fc0").png().toBuffer() },
    "/notes.jpg": { type: "image/jpeg", bytes: Buffer.from("Shopping list: bread, lamp oil, stamps.\n") },
  };

  server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://test.invalid");
    requests.set(pathname, requestsFor(pathname) + 1);
    const file = files[pathname];
    if (file) {
      response.writeHead(200, { "content-type": file.type, "content-length": file.bytes.length });
      response.end(file.bytes);
    } else if (pathname.startsWith("/gallery/")) {
      galleryInFlight += 1;
      galleryMostInFlight = Math.max(galleryMostInFlight, galleryInFlight);
      setTimeout(() => {
        galleryInFlight -= 1;
        response.writeHead(200, { "content-type": "image/png" });
        response.end(gallery);
      }, 150);
    } else if (pathname === "/old/lighthouse.png") {
      response.writeHead(301, { location: "/new/lighthouse.png" });
      response.end();
    } else if (pathname === "/round-and-round.png") {
      response.writeHead(302, { location: "/round-and-round.png" });
      response.end();
    } else if (pathname === "/slow.png") {
      // Starts like a PNG, then never says another word.
      response.writeHead(200, { "content-type": "image/png" });
      response.write(harbourSmall.subarray(0, 100));
    } else if (pathname === "/endless.png") {
      streamEndlessly(response, harbourFull);
    } else if (pathname === "/claims-small.png") {
      // Says 1 KB, then sends a PNG of twelve: the first kilobyte is all that may be read.
      rawResponse(request, "Content-Length: 1024", Buffer.concat([harbourFull, Buffer.alloc(12 * 1024 * 1024)]));
    } else if (pathname === "/claims-huge.png") {
      rawResponse(request, `Content-Length: ${TEN_MB + 1}`, harbourSmall);
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not here.");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// No Content-Length: a PNG's first bytes and then zeros, up to 64 MB unless the reader hangs up.
function streamEndlessly(response: http.ServerResponse, start: Buffer) {
  response.writeHead(200, { "content-type": "image/png" });
  response.write(start);
  const zeros = Buffer.alloc(256 * 1024);
  let sent = start.length;
  const pump = () => {
    while (sent < 64 * 1024 * 1024) {
      if (response.destroyed) return;
      sent += zeros.length;
      if (!response.write(zeros)) return void response.once("drain", pump);
    }
    endlessStreamFinished = true;
    response.end();
  };
  pump();
}

// Node's own responses refuse to send other than they declare, so the lying ones go straight to the socket.
function rawResponse(request: http.IncomingMessage, lengthHeader: string, body: Buffer) {
  const socket = request.socket;
  socket.on("error", () => {});
  socket.write(`HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n${lengthHeader}\r\nConnection: close\r\n\r\n`);
  socket.end(body);
}

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  copier = await import("../lib/transfer/import/images");
  urls = await import("../lib/uploads/urls");
  const { LocalFolderStorage } = await import("../lib/uploads/storage");
  folder = await mkdtemp(path.join(tmpdir(), "longhand-import-images-"));
  storage = new LocalFolderStorage(folder);
  uploaderId = `importer-${randomBytes(4).toString("hex")}`;
  await db.user.create({ data: { id: uploaderId, name: "Importing Admin", email: `${uploaderId}@example.test`, role: "ADMIN" } });
  await startImageServer();
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
}

/** An import's transaction: `work` runs inside BEGIN, then COMMIT (or ROLLBACK when asked). */
async function inTransaction<T>(work: (client: pg.Client) => Promise<T>, { rollBack = false } = {}): Promise<T> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query(rollBack ? "ROLLBACK" : "COMMIT");
    return result;
  } finally {
    await client.end();
  }
}

const newCopier = (client: pg.Client, options: { timeoutMs?: number; concurrency?: number } = {}) =>
  copier.createImageCopier({ client, uploaderId, storage, timeoutMs: 1000, ...options });

async function localCopyOf(sourceUrl: string) {
  const upload = await db.upload.findUniqueOrThrow({ where: { sourceUrl } });
  return { upload, url: urls.uploadUrl(upload.storageKey) };
}

const post = () => `<p>A week by the sea &amp; the harbour.</p>
<div class="separator" style="clear: both;"><a href="${origin}/photos/s1600/harbour.png" style="margin-left: 1em;"><img border="0" data-original-height="1000" src="${origin}/photos/s320/harbour.png" alt="The harbour at dusk" /></a></div>
<p>The harbour again, smaller: <img src="${origin}/photos/s320/harbour.png" width="320"></p>
<img alt='Standing up' src='${origin}/camera.jpg?size=large&amp;v=2'>
<img src="${origin}/old/lighthouse.png">
<!-- <img src="${origin}/commented-out.png"> -->
<p>Writing about HTML: &lt;img src="${origin}/in-text.png"&gt;</p>
<p><a href="https://example.test/about">About the trip</a> <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="> <img src="/already/local.png"></p>
<img src="${origin}/notes.jpg"><img src="${origin}/missing.png"><img src="${origin}/slow.png">
<img src="${origin}/endless.png"><img src="${origin}/claims-small.png"><img src="${origin}/claims-huge.png"><img src="${origin}/round-and-round.png">`;

const copied = ["/photos/s1600/harbour.png", "/photos/s320/harbour.png", "/camera.jpg?size=large&v=2", "/old/lighthouse.png"];

describe("copying a body's images", () => {
  let firstBody: string;
  let rewritten: string;

  test("images and the full-size links around them point at local copies; everything else is as it was", async () => {
    const result = await inTransaction(async (client) => {
      const images = newCopier(client);
      firstBody = post();
      rewritten = await images.rewrite(firstBody);
      return { counts: { ...images.counts }, failures: [...images.failures] };
    });

    let expected = firstBody;
    for (const source of copied) {
      const raw = source.replace("&", "&amp;");
      expected = expected.replaceAll(`${origin}${raw}`, (await localCopyOf(`${origin}${source}`)).url);
    }
    expect(rewritten).toBe(expected);
    expect(rewritten).toContain(`<!-- <img src="${origin}/commented-out.png"> -->`);
    expect(rewritten).toContain(`&lt;img src="${origin}/in-text.png"&gt;`);
    expect(requestsFor("/commented-out.png") + requestsFor("/in-text.png")).toBe(0);
    // The same address twice in a body is fetched once.
    expect(requestsFor("/photos/s320/harbour.png")).toBe(1);
    expect(result.counts).toEqual({ copied: 4, reused: 0, failed: 7 });
  });

  test("failed images keep their address and are listed with a reason", async () => {
    const inPlace = (pathname: string) => expect(rewritten).toContain(`src="${origin}${pathname}"`);
    for (const pathname of ["/notes.jpg", "/missing.png", "/slow.png", "/endless.png", "/claims-small.png", "/claims-huge.png", "/round-and-round.png"]) inPlace(pathname);

    const failures = await inTransaction(async (client) => {
      const images = newCopier(client);
      await images.rewrite(post());
      return images.failures;
    });
    expect(Object.fromEntries(failures.map(({ url, reason }) => [url.replace(origin, ""), reason]))).toEqual({
      "/notes.jpg": "not an image (PNG, JPEG, WebP or GIF)",
      "/missing.png": "answered 404",
      "/slow.png": "timed out after 1 s",
      "/endless.png": "larger than 10 MB",
      "/claims-small.png": "not a readable image: damaged or cut short",
      "/claims-huge.png": "larger than 10 MB",
      "/round-and-round.png": "redirected more than 5 times",
    });
    // Reading stopped at the limit instead of taking all 64 MB on offer.
    expect(endlessStreamFinished).toBe(false);
    expect(requestsFor("/round-and-round.png")).toBe(2 * 6);
  });

  test("the copies are stored like uploads: upright, without EXIF, with resized WebP copies", async () => {
    const harbour = await localCopyOf(`${origin}/photos/s320/harbour.png`);
    expect(harbour.upload).toMatchObject({ mimeType: "image/png", width: 1200, height: 600, widths: [480, 960], uploaderId, originalName: "harbour.png" });
    const full = await localCopyOf(`${origin}/photos/s1600/harbour.png`);
    expect(full.upload).toMatchObject({ width: 2000, height: 1000, widths: [480, 960, 1600] });
    expect(full.upload.storageKey).not.toBe(harbour.upload.storageKey);
    expect(Math.abs(harbour.upload.createdAt.getTime() - Date.now())).toBeLessThan(60_000);

    const camera = await localCopyOf(`${origin}/camera.jpg?size=large&v=2`);
    expect(camera.upload).toMatchObject({ mimeType: "image/jpeg", width: 800, height: 1200, widths: [480] });
    const kept = await storage.get(camera.upload.storageKey);
    expect(kept?.contentType).toBe("image/jpeg");
    const metadata = await sharp(kept!.bytes).metadata();
    expect(metadata).toMatchObject({ width: 800, height: 1200 });
    expect(metadata.exif).toBeUndefined();

    const lighthouse = await localCopyOf(`${origin}/old/lighthouse.png`);
    expect(lighthouse.upload).toMatchObject({ width: 600, height: 900, widths: [480] });

    for (const { upload, url } of [harbour, full, camera, lighthouse]) {
      expect(url).toBe(`/uploads/${upload.storageKey}`);
      for (const key of urls.storageKeysOf(upload)) expect(await storage.get(key), key).not.toBeNull();
      const [resizedKey] = upload.widths.map((width) => urls.resizedKey(upload.storageKey, width));
      expect((await sharp((await storage.get(resizedKey!))!.bytes).metadata()).format).toBe("webp");
    }
  });

  test("importing again reuses the copies without fetching them", async () => {
    const before = Object.fromEntries(copied.map((source) => [source, requestsFor(source.split("?")[0]!)]));
    const filesBefore = await storedFiles();
    const again = await inTransaction(async (client) => {
      const images = newCopier(client);
      return { body: await images.rewrite(post()), counts: { ...images.counts } };
    });
    expect(again.body).toBe(rewritten);
    expect(again.counts).toMatchObject({ copied: 0, reused: 4 });
    for (const source of copied) expect(requestsFor(source.split("?")[0]!), source).toBe(before[source]);
    expect(requestsFor("/new/lighthouse.png")).toBe(1);
    expect(await storedFiles()).toEqual(filesBefore);
  });
});

describe("reading the HTML", () => {
  test("attributes are found however they are spelled, and only the first src of a tag counts", async () => {
    const camera = `${origin}/camera.jpg?size=large&v=2`;
    const body = [
      `<IMG ALT=x SRC=${origin}/camera.jpg?size=large&amp;v=2>`,
      `<img src = "${origin}/camera.jpg?size=large&#38;v=2" >`,
      `<img src="${origin}/camera.jpg?size=large&amp;v=2" src="${origin}/missing.png">`,
      `<img data-src="${origin}/missing.png" srcset="${origin}/missing.png 2x" src="${camera.replace("&", "&amp;")}"/>`,
    ].join("\n");
    const missingBefore = requestsFor("/missing.png");
    const result = await inTransaction(async (client) => {
      const images = newCopier(client);
      return { body: await images.rewrite(body), counts: { ...images.counts } };
    });
    const local = (await localCopyOf(camera)).url;
    expect(result.body).toBe(
      [
        `<IMG ALT=x SRC=${local}>`,
        `<img src = "${local}" >`,
        `<img src="${local}" src="${origin}/missing.png">`,
        `<img data-src="${origin}/missing.png" srcset="${origin}/missing.png 2x" src="${local}"/>`,
      ].join("\n"),
    );
    expect(result.counts).toEqual({ copied: 0, reused: 1, failed: 0 });
    expect(requestsFor("/missing.png")).toBe(missingBefore);
  });
});

describe("a failed import", () => {
  test("rolled back and discarded, it leaves no rows and no files", async () => {
    const filesBefore = await storedFiles();
    const body = `<p>Fresh paint.</p><img src="${origin}/fresh.png"><img src="${origin}/camera.jpg?size=large&amp;v=2">`;
    const images = await inTransaction(
      async (client) => {
        const images = newCopier(client);
        const rewritten = await images.rewrite(body);
        expect(rewritten).not.toContain(`${origin}/fresh.png`);
        expect(images.counts).toEqual({ copied: 1, reused: 1, failed: 0 });
        expect(await storedFiles()).not.toEqual(filesBefore);
        return images;
      },
      { rollBack: true },
    );
    await images.discardStoredFiles();

    expect(await db.upload.count({ where: { sourceUrl: `${origin}/fresh.png` } })).toBe(0);
    expect(await storedFiles()).toEqual(filesBefore);
    // The image an earlier, committed import copied is still there.
    expect(await storage.get((await localCopyOf(`${origin}/camera.jpg?size=large&v=2`)).upload.storageKey)).not.toBeNull();
  });
});

describe("politeness", () => {
  test("at most `concurrency` fetches are under way at once, across a body", async () => {
    const body = Array.from({ length: 6 }, (_, index) => `<img src="${origin}/gallery/${index}.png">`).join("\n");
    const counts = await inTransaction(async (client) => {
      const images = newCopier(client, { concurrency: 2 });
      await images.rewrite(body);
      return images.counts;
    });
    expect(counts).toEqual({ copied: 6, reused: 0, failed: 0 });
    expect(galleryMostInFlight).toBe(2);
  });

  test("only web addresses are fetched, and with a User-Agent that says who is asking", async () => {
    const seen: { url: string; userAgent: string | null }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), userAgent: new Headers(init?.headers).get("user-agent") });
      return new Response("Gone.", { status: 410 });
    };
    const body = `<img src="ftp://files.example.test/a.png"><img src="javascript:alert(1)"><img src="  //cdn.example.test/b.png  "><a href="mailto:me@example.test">mail</a>`;
    const result = await inTransaction(async (client) => {
      const images = copier.createImageCopier({ client, uploaderId, storage, fetchImage: recordingFetch });
      return { body: await images.rewrite(body), failures: images.failures };
    });
    expect(result.body).toBe(body);
    expect(seen).toEqual([{ url: "https://cdn.example.test/b.png", userAgent: "Longhand importer" }]);
    expect(result.failures).toEqual([{ url: "https://cdn.example.test/b.png", reason: "answered 410" }]);
  });
});
