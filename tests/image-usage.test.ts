import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// Where images are used, how reader pages serve them, and the featured image: real PostgreSQL.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let usage: typeof import("../lib/uploads/usage");
let responsive: typeof import("../lib/uploads/responsive-images");
let images: typeof import("../lib/uploads/images");
let postPage: typeof import("../lib/queries/post-page");
let storage: import("../lib/uploads/storage").LocalFolderStorage;
let folder: string;

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  usage = await import("../lib/uploads/usage");
  responsive = await import("../lib/uploads/responsive-images");
  images = await import("../lib/uploads/images");
  postPage = await import("../lib/queries/post-page");
  folder = await mkdtemp(path.join(tmpdir(), "longhand-usage-"));
  storage = new (await import("../lib/uploads/storage")).LocalFolderStorage(folder);
});

afterAll(() => rm(folder, { recursive: true, force: true }));

const unique = () => randomBytes(5).toString("hex");

async function makeAuthor() {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name: `Writer ${id}`, email: `${id}@example.test`, role: "AUTHOR" } });
  return { id, name: `Writer ${id}`, email: `${id}@example.test`, role: "AUTHOR", image: null } as never as import("../lib/dashboard/access").DashboardUser;
}

async function makeUpload(uploaderId: string, { width = 2000, height = 1000, widths = [480, 960, 1600] } = {}) {
  const storageKey = `2026/11/${randomBytes(10).toString("hex")}.jpg`;
  return db.upload.create({ data: { storageKey, mimeType: "image/jpeg", byteSize: 1000, width, height, widths, uploaderId, originalName: "shelf.jpg" } });
}

const makePost = (authorId: string, data: { title: string; bodyHtml: string; featuredImageId?: string; trashedAt?: Date }) =>
  db.post.create({ data: { slug: `p-${unique()}`, authorId, ...data } });

describe("where an image is used", () => {
  test("finds posts and pages that show it or its resized copies, and posts that feature it, for a whole page of images at once", async () => {
    const author = await makeAuthor();
    const [shown, featured, unused] = await Promise.all([makeUpload(author.id), makeUpload(author.id), makeUpload(author.id)]);
    const copyOfShown = `/uploads/${shown.storageKey.replace(".jpg", "-960w.webp")}`;
    await makePost(author.id, { title: "Shows it", bodyHtml: `<p>a</p><img src="/uploads/${shown.storageKey}" alt="A" />` });
    await makePost(author.id, { title: "Shows a copy", bodyHtml: `<img src="${copyOfShown}" alt="A" />`, trashedAt: new Date() });
    await makePost(author.id, { title: "Features it", bodyHtml: "<p>words</p>", featuredImageId: featured.id });
    await db.page.create({ data: { title: "About", slug: `about-${unique()}`, bodyHtml: `<figure><img src="/uploads/${shown.storageKey}" alt="A" /></figure>`, authorId: author.id } });

    const uses = await usage.findUploadUses([shown, featured, unused]);

    expect(uses.get(shown.id)?.map((use) => `${use.kind}:${use.title}:${use.trashed}`).sort()).toEqual(["page:About:false", "post:Shows a copy:true", "post:Shows it:false"]);
    expect(uses.get(featured.id)?.map((use) => use.title)).toEqual(["Features it"]);
    expect(uses.has(unused.id)).toBe(false);
    expect(usage.describeUses(uses.get(shown.id)!)).toBe("Used in 2 posts and 1 page");
  });

  test("an image in use is deleted only once the person has seen where; its featured posts keep working", async () => {
    const author = await makeAuthor();
    const upload = await makeUpload(author.id);
    const post = await makePost(author.id, { title: "Cover story", bodyHtml: "<p>words</p>", featuredImageId: upload.id });

    await expect(images.deleteUpload({ user: author, id: upload.id, storage })).rejects.toThrow(/Used in 1 post: “Cover story”.*Delete anyway\?/);
    expect(await db.upload.count({ where: { id: upload.id } })).toBe(1);

    await images.deleteUpload({ user: author, id: upload.id, inUseConfirmed: true, storage });
    expect(await db.upload.count({ where: { id: upload.id } })).toBe(0);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).featuredImageId).toBeNull();
  });

  test("the library lists each image with where it is used", async () => {
    const author = await makeAuthor();
    const upload = await makeUpload(author.id);
    await makePost(author.id, { title: "Library post", bodyHtml: `<img src="/uploads/${upload.storageKey}" alt="A" />` });
    const library = await images.listUploads({ user: author });
    expect(library.uploads.find((row) => row.id === upload.id)?.uses.map((use) => use.title)).toEqual(["Library post"]);
  });
});

describe("images on reader pages", () => {
  test("our uploads get their resized copies, width and height; all but the first image load lazily", async () => {
    const author = await makeAuthor();
    const wide = await makeUpload(author.id);
    const small = await makeUpload(author.id, { width: 400, height: 300, widths: [] });
    const html = `<img src="/uploads/${wide.storageKey}" alt="Wide" class="aligncenter size-full" /><figure class="alignleft size-small"><img src="/uploads/${small.storageKey}" alt="Small" /><figcaption>Cap</figcaption></figure><img src="https://example.org/x.png" alt="Elsewhere" />`;
    const keys = responsive.uploadKeysIn(html);
    expect(keys.sort()).toEqual([wide.storageKey, small.storageKey].sort());

    const shown = responsive.withResponsiveImages(html, await responsive.findUploadDimensions(keys), { eagerFirst: true });
    const stem = `/uploads/${wide.storageKey.replace(".jpg", "")}`;
    expect(shown).toContain(
      `<img src="/uploads/${wide.storageKey}" alt="Wide" class="aligncenter size-full" width="2000" height="1000" srcset="${stem}-480w.webp 480w, ${stem}-960w.webp 960w, ${stem}-1600w.webp 1600w, /uploads/${wide.storageKey} 2000w" sizes="(max-width: 50rem) calc(100vw - 2rem), 48rem" decoding="async" />`,
    );
    expect(shown).toContain(`<img src="/uploads/${small.storageKey}" alt="Small" width="400" height="300" loading="lazy" decoding="async" /><figcaption>Cap</figcaption>`);
    expect(shown).toContain(`<img src="https://example.org/x.png" alt="Elsewhere" loading="lazy" decoding="async" />`);

    const inList = responsive.withResponsiveImages(html, [], { eagerFirst: false });
    expect(inList.match(/loading="lazy"/g)).toHaveLength(3);
  });

  test("a medium image in a figure is sized for its class", () => {
    const html = `<figure class="alignright size-medium"><img src="/uploads/k/a.jpg" alt="A" width="10" height="5" /></figure>`;
    const shown = responsive.withResponsiveImages(html, [{ storageKey: "k/a.jpg", width: 2000, height: 1000, widths: [480] }], { eagerFirst: true });
    expect(shown).toContain(`width="10" height="5" srcset="/uploads/k/a-480w.webp 480w, /uploads/k/a.jpg 2000w" sizes="(max-width: 30rem) calc(100vw - 2rem), 28rem"`);
  });

  test("a published post carries its featured image for og:image", async () => {
    const author = await makeAuthor();
    const upload = await makeUpload(author.id);
    const permalink = `/2026/11/featured-${unique()}`;
    await db.post.create({
      data: { title: "Featured", slug: "featured", permalink, bodyHtml: "<p>x</p>", status: "PUBLISHED", publishedAt: new Date("2026-11-01T10:00:00Z"), authorId: author.id, featuredImageId: upload.id },
    });
    const post = await postPage.findVisiblePost({ permalink, now: new Date() });
    expect(post?.featuredImage).toMatchObject({ url: `/uploads/${upload.storageKey}`, width: 2000, height: 1000 });
  });
});
