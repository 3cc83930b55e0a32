import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createPrismaClient } from "../scripts/lib/prisma";
import { withMigratedDatabase } from "./support/databases";
import { asVersion1, checkAgainstSchema, emptyBlogs, exportJsonText, restoreJsonText } from "./support/longhand-json";

// The blog's looks in the Longhand JSON export, on real PostgreSQL: a blog with its own appearance
// (header image and favicon among its uploads) and a gadget of every kind (the profile's photo one
// of its uploads) moved into other blogs, which start with the layout every new blog has.
const source = withMigratedDatabase();
const blogs = emptyBlogs();
let sourceDb: PrismaClient;
let file: string;
let uploadsFolder: string;
let ImportFileError: typeof import("../lib/transfer/records").ImportFileError;
let LocalFolderStorage: typeof import("../lib/uploads/storage").LocalFolderStorage;

const KEYS = { header: "2026/11/header.png", favicon: "2026/11/favicon.png", photo: "2026/11/maggie.jpg" };

beforeAll(async () => {
  ImportFileError = (await import("../lib/transfer/records")).ImportFileError;
  LocalFolderStorage = (await import("../lib/uploads/storage")).LocalFolderStorage;
  uploadsFolder = await mkdtemp(path.join(tmpdir(), "longhand-json-looks-"));
  sourceDb = createPrismaClient(source.url);
  const author = await sourceDb.user.create({ data: { name: "Maggie Ellery", email: "maggie@example.com", slug: "maggie", role: "ADMIN" } });
  const upload = (storageKey: string) =>
    sourceDb.upload.create({ data: { storageKey, mimeType: storageKey.endsWith(".jpg") ? "image/jpeg" : "image/png", byteSize: 100, width: 64, height: 64, originalName: storageKey, uploaderId: author.id } });
  const [header, favicon, photo] = [await upload(KEYS.header), await upload(KEYS.favicon), await upload(KEYS.photo)];
  await sourceDb.appearance.create({
    data: { theme: "TYPESET", accentLight: "#1d4e89", accentDark: "#9cc3f5", headingFont: "lora", bodyFont: "inter", headerImageId: header.id, faviconId: favicon.id },
  });
  await sourceDb.gadget.deleteMany();
  const gadgets = [
    ["SIDEBAR", "PROFILE", "About me", { photoId: photo.id, text: "Reads in the attic.", linkUrl: "/p/about", linkText: "More" }],
    ["SIDEBAR", "SEARCH", "", {}],
    ["SIDEBAR", "ARCHIVE", "Older", { style: "FLAT" }],
    ["SIDEBAR", "LABELS", "", { display: "CLOUD", sort: "COUNT" }],
    ["SIDEBAR", "POPULAR_POSTS", "Read most", { days: 7, count: 3 }],
    ["FOOTER", "LINK_LIST", "Friends", { links: [{ text: "Annie's shelf", url: "https://annie.example.org/" }] }],
    ["FOOTER", "TEXT", "", { text: "Thanks for reading." }],
    ["FOOTER", "HTML", "Badge", { html: "<p><strong>Member</strong> since 2011</p>" }],
    ["FOOTER", "SUBSCRIBE", "", { comments: false }],
  ] as const;
  const positions = { SIDEBAR: 0, FOOTER: 0 };
  for (const [area, kind, title, config] of gadgets) await sourceDb.gadget.create({ data: { area, kind, title, config, position: positions[area]++ } });
  file = (await exportJsonText(sourceDb, new Date("2026-11-30T10:00:00.000Z"))).text;
});

afterAll(async () => {
  await sourceDb?.$disconnect();
  await blogs.dropAll();
  await rm(uploadsFolder, { recursive: true, force: true });
});

const emptyBlog = blogs.create;

/** The parts of the file the tests edit. */
interface ExportFile {
  appearance: Record<string, unknown>;
  uploads: { storageKey: string }[];
  gadgets: { id: string; area: string; position: number; kind: string; config: { links: [{ url: string }]; style: string } }[];
}

const restore = (url: string, text: string) => restoreJsonText(url, text, new LocalFolderStorage(uploadsFolder));
const appearance = (db: PrismaClient) => db.appearance.findUnique({ where: { id: 1 }, omit: { updatedAt: true } });
const layout = (db: PrismaClient) => db.gadget.findMany({ orderBy: [{ area: "asc" }, { position: "asc" }], omit: { updatedAt: true } });
const uploadId = async (db: PrismaClient, storageKey: string) => (await db.upload.findUniqueOrThrow({ where: { storageKey } })).id;
const edited = (change: (document: ExportFile) => void) => {
  const document: ExportFile = JSON.parse(file);
  change(document);
  return JSON.stringify(document);
};

describe("the export", () => {
  test("carries the appearance and every gadget, and is valid against the published JSON Schema", async () => {
    const document = JSON.parse(file);
    const { valid, errors } = await checkAgainstSchema(document);
    expect(valid, errors).toBe(true);
    expect(document.appearance).toMatchObject({ theme: "TYPESET", accentLight: "#1d4e89", headingFont: "lora", headerImageId: await uploadId(sourceDb, KEYS.header) });
    expect(document.gadgets.map((gadget: { kind: string }) => gadget.kind).sort()).toEqual(["ARCHIVE", "HTML", "LABELS", "LINK_LIST", "POPULAR_POSTS", "PROFILE", "SEARCH", "SUBSCRIBE", "TEXT"]);
  });

  test("leaves out a gadget whose settings no longer read, as reader pages do, so the file still imports", async () => {
    const broken = await sourceDb.gadget.create({ data: { area: "FOOTER", position: 4, kind: "ARCHIVE", config: { style: "SPIRAL" } } });
    try {
      const { text } = await exportJsonText(sourceDb, new Date("2026-11-30T11:00:00.000Z"));
      expect(JSON.parse(text).gadgets.map((gadget: { id: string }) => gadget.id)).not.toContain(broken.id);
      const { url, db } = await emptyBlog();
      await restore(url, text);
      expect(await db.gadget.count()).toBe(9);
      await db.$disconnect();
    } finally {
      await sourceDb.gadget.delete({ where: { id: broken.id } });
    }
  });
});

describe("a version 2 file", () => {
  test("brings the appearance and replaces the new blog's layout, and goes out again the same", async () => {
    const { url, db } = await emptyBlog();
    expect((await layout(db)).map((gadget) => gadget.kind)).toEqual(["ARCHIVE", "LABELS"]);
    const report = await restore(url, file);
    expect(await appearance(db)).toEqual(await appearance(sourceDb));
    expect(await layout(db)).toEqual(await layout(sourceDb));
    expect(report.settingsChanged).toEqual(["theme", "accentLight", "accentDark", "headingFont", "bodyFont", "headerImageId", "faviconId", "layout"]);
    const again = await exportJsonText(db, new Date("2026-12-01T10:00:00.000Z"));
    expect(again.text.replace(/"exportedAt": "[^"]*"/, "")).toBe(file.replace(/"exportedAt": "[^"]*"/, ""));

    const twice = await restore(url, file);
    expect(twice.unchanged).toBe(true);
    expect(twice.settingsChanged).toEqual([]);
    await db.$disconnect();
  });

  test("points the images at the uploads that stand for them here", async () => {
    const { url, db } = await emptyBlog(async (db) => {
      const owner = await db.user.create({ data: { name: "Owner", email: "owner@example.com", slug: "owner" } });
      for (const storageKey of [KEYS.header, KEYS.photo]) await db.upload.create({ data: { storageKey, mimeType: "image/png", byteSize: 1, width: 1, height: 1, originalName: "here", uploaderId: owner.id } });
    });
    const report = await restore(url, file);
    const [header, photo] = [await uploadId(db, KEYS.header), await uploadId(db, KEYS.photo)];
    expect(header).not.toBe(await uploadId(sourceDb, KEYS.header));
    expect(await appearance(db)).toMatchObject({ headerImageId: header, faviconId: await uploadId(db, KEYS.favicon) });
    const profile = (await layout(db)).find((gadget) => gadget.kind === "PROFILE");
    expect(profile?.config).toMatchObject({ photoId: photo });
    expect(report.items).toContainEqual({ kind: "images", what: `image ${KEYS.header}`, why: "another image here is stored under that key" });
    await db.$disconnect();
  });

  test("whose images' uploads are not in it shows none, and the report says so", async () => {
    const { url, db } = await emptyBlog();
    const report = await restore(url, edited((document) => (document.uploads = document.uploads.filter((upload) => upload.storageKey === KEYS.header))));
    expect(await appearance(db)).toMatchObject({ headerImageId: await uploadId(db, KEYS.header), faviconId: null });
    expect((await layout(db)).find((gadget) => gadget.kind === "PROFILE")?.config).toMatchObject({ photoId: "", text: "Reads in the attic." });
    expect(report.items).toContainEqual(expect.objectContaining({ kind: "images", what: "appearance: the favicon", why: expect.stringContaining("not among this blog's images, so it has none") }));
    expect(report.items).toContainEqual(expect.objectContaining({ kind: "images", what: "layout: Profile (About me) gadget “About me”" }));
    await db.$disconnect();
  });

  test("closes up gaps in an area's positions, keeping their order", async () => {
    const { url, db } = await emptyBlog();
    const sidebar = JSON.parse(file).gadgets.filter((gadget: { area: string }) => gadget.area === "SIDEBAR");
    const reversed = [...sidebar].sort((one, other) => other.position - one.position).map((gadget: { id: string }) => gadget.id);
    await restore(url, edited((document) => document.gadgets.forEach((gadget) => reversed.includes(gadget.id) && (gadget.position = 10 * reversed.indexOf(gadget.id) + 5))));
    const stored = (await layout(db)).filter((gadget) => gadget.area === "SIDEBAR");
    expect(stored.map((gadget) => [gadget.id, gadget.position])).toEqual(reversed.map((id, position) => [id, position]));
    await db.$disconnect();
  });

  test.each([
    ["an accent that fails contrast", (document: ExportFile) => (document.appearance = { ...document.appearance, theme: "POSTCARD", accentLight: "#ffcc00" }), /^appearance\.accentLight The light accent #ffcc00 has a contrast of 1\.\d\d:1/],
    ["an unknown font", (document: ExportFile) => (document.appearance.bodyFont = "comic-sans"), /^appearance\.bodyFont must be system-serif, system-sans, lora, .* or atkinson-hyperlegible$/],
    ["a link list with a script address", (document: ExportFile) => (gadgetOf(document, "LINK_LIST").config.links[0].url = "javascript:alert(1)"), /^gadgets\[\d\]\.config\.links\[0\]\.url Give a web address starting with https:\/\//],
    ["an archive of no known style", (document: ExportFile) => (gadgetOf(document, "ARCHIVE").config.style = "SPIRAL"), /^gadgets\[\d\]\.config\.style Choose how the archive shows\.$/],
    ["two gadgets of one id", (document: ExportFile) => (document.gadgets[1]!.id = document.gadgets[0]!.id), /^gadgets has two gadgets with the id "[^"]+"\.$/],
    [
      "more gadgets in the sidebar than the Layout page handles",
      (document: ExportFile) => document.gadgets.push(...Array.from({ length: 101 }, (_, position) => ({ ...gadgetOf(document, "SEARCH"), id: `search-${position}`, position }))),
      /^gadgets has 106 gadgets in the sidebar; a layout holds at most 100 in each area\.$/,
    ],
  ])("with %s is refused, naming where, and changes nothing", async (_case, change, message) => {
    const { url, db } = await emptyBlog();
    const before = await layout(db);
    const refusal = restore(url, edited(change));
    await expect(refusal).rejects.toBeInstanceOf(ImportFileError);
    await expect(refusal).rejects.toThrow(message);
    expect(await appearance(db)).toBeNull();
    expect(await layout(db)).toEqual(before);
    expect(await db.user.count()).toBe(0);
    await db.$disconnect();
  });
});

function gadgetOf(document: ExportFile, kind: string) {
  return document.gadgets.find((gadget) => gadget.kind === kind)!;
}

test("a version 1 file leaves the blog's appearance and layout as they are", async () => {
  const { url, db } = await emptyBlog(async (db) => {
    await db.appearance.create({ data: { theme: "POSTCARD", accentLight: "#1d4e89" } });
    await db.gadget.create({ data: { area: "FOOTER", position: 0, kind: "SEARCH", config: {} } });
  });
  const [ownAppearance, ownLayout] = [await appearance(db), await layout(db)];
  const report = await restore(url, asVersion1(file));
  expect(report.counts.images.created).toBe(3);
  expect(await appearance(db)).toEqual(ownAppearance);
  expect(await layout(db)).toEqual(ownLayout);
  await db.$disconnect();
});
