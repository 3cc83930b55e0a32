import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// Static pages (/p/<slug>) as the dashboard manages them, through its data functions, against PostgreSQL.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let pages: {
  list: typeof import("../lib/static-pages/list");
  create: typeof import("../lib/static-pages/create");
  save: typeof import("../lib/static-pages/save");
  publish: typeof import("../lib/static-pages/publish");
  remove: typeof import("../lib/static-pages/delete");
};
let reader: typeof import("../lib/queries/pages");
let slugs: typeof import("../lib/static-pages/slug");
let validation: typeof import("../lib/validation/static-pages");
let errors: typeof import("../lib/errors");

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  pages = {
    list: await import("../lib/static-pages/list"),
    create: await import("../lib/static-pages/create"),
    save: await import("../lib/static-pages/save"),
    publish: await import("../lib/static-pages/publish"),
    remove: await import("../lib/static-pages/delete"),
  };
  reader = await import("../lib/queries/pages");
  slugs = await import("../lib/static-pages/slug");
  validation = await import("../lib/validation/static-pages");
  errors = await import("../lib/errors");
});

const unique = () => randomBytes(5).toString("hex");
const now = new Date("2026-04-01T12:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

async function makeUser(role: "AUTHOR" | "ADMIN" = "AUTHOR") {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name: `Person ${id}`, email: `${id}@example.test`, role } });
  return { id, name: `Person ${id}`, email: `${id}@example.test`, role };
}

const content = (title = "About the garden", slug = `about-${unique()}`) => ({ title, slug, bodyHtml: "<p>Raised beds and a pond.</p>" });
const stored = (id: string) => db.page.findUniqueOrThrow({ where: { id }, select: { title: true, slug: true, bodyHtml: true, status: true, version: true, publishedAt: true } });

describe("static pages", () => {
  test("create, save, publish, unpublish and delete, as readers would see them", async () => {
    const author = await makeUser();
    const created = await pages.create.createPage({ user: author, content: content("About the garden", "about-the-garden-1"), now });
    expect(await stored(created.id)).toMatchObject({ status: "DRAFT", version: 1, publishedAt: null });
    expect(await reader.findPublishedPage({ slug: "about-the-garden-1" })).toBeNull();

    const saved = await pages.save.savePage({
      user: author,
      pageId: created.id,
      expectedVersion: 1,
      content: { title: "About our garden", slug: "about-our-garden-1", bodyHtml: "<p>Now with a greenhouse.</p>" },
      now: later(1),
    });
    expect(saved).toEqual({ version: 2, pending: false });

    await pages.publish.publishPage({ user: author, pageId: created.id, now: later(2) });
    expect(await reader.findPublishedPage({ slug: "about-our-garden-1" })).toMatchObject({ title: "About our garden", bodyHtml: "<p>Now with a greenhouse.</p>" });
    expect(await reader.listPublishedPages()).toContainEqual({ title: "About our garden", slug: "about-our-garden-1" });
    // Publishing leaves the version, so the open form can still save; a saved published page waits for Update.
    expect(await stored(created.id)).toMatchObject({ status: "PUBLISHED", version: 2, publishedAt: later(2) });
    expect((await pages.save.savePage({ user: author, pageId: created.id, expectedVersion: 2, content: { title: "About our garden", slug: "about-our-garden-1", bodyHtml: "<p>x</p>" }, now: later(3) })).pending).toBe(true);
    expect(await reader.findPublishedPage({ slug: "about-our-garden-1" })).toMatchObject({ bodyHtml: "<p>Now with a greenhouse.</p>" });

    await pages.publish.unpublishPage({ user: author, pageId: created.id, now: later(4) });
    expect(await reader.findPublishedPage({ slug: "about-our-garden-1" })).toBeNull();
    // Publishing again keeps the first publication date.
    await pages.publish.publishPage({ user: author, pageId: created.id, now: later(5) });
    expect((await stored(created.id)).publishedAt).toEqual(later(2));

    expect(await pages.remove.deletePage({ user: author, pageId: created.id })).toEqual({ readersMaySeeIt: true });
    expect(await db.page.findUnique({ where: { id: created.id } })).toBeNull();
  });

  test("a slug another page has is refused with a clear message, on create and on save", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const slug = `taken-${unique()}`;
    await pages.create.createPage({ user: other, content: content("Theirs", slug), now });
    await expect(pages.create.createPage({ user: author, content: content("Mine", slug), now })).rejects.toThrow(
      new errors.ConflictError(`Another page already lives at /p/${slug}. Choose a different slug.`),
    );
    const mine = await pages.create.createPage({ user: author, content: content("Mine"), now });
    await expect(pages.save.savePage({ user: author, pageId: mine.id, expectedVersion: 1, content: content("Mine", slug), now })).rejects.toBeInstanceOf(errors.ConflictError);
    expect((await stored(mine.id)).version).toBe(1);
    // Keeping its own slug is no conflict.
    const own = (await stored(mine.id)).slug;
    expect((await pages.save.savePage({ user: author, pageId: mine.id, expectedVersion: 1, content: content("Mine again", own), now })).version).toBe(2);
  });

  test("a slug taken between the check and the write (the unique index refuses it) gets the same message", async () => {
    const author = await makeUser();
    const slug = `race-${unique()}`;
    await pages.create.createPage({ user: author, content: content("First", slug), now });
    // What the losing save of a race meets: the insert itself failing on the unique slug.
    const violation = await db.page.create({ data: { ...content("Second", slug), authorId: author.id } }).catch((error: unknown) => error);
    expect(slugs.slugTakenError(violation, slug)).toEqual(new errors.ConflictError(`Another page already lives at /p/${slug}. Choose a different slug.`));
    const other = new Error("connection lost");
    expect(slugs.slugTakenError(other, slug)).toBe(other);
  });

  test("a save from a stale form is refused and changes nothing", async () => {
    const author = await makeUser();
    const page = await pages.create.createPage({ user: author, content: content("First"), now });
    const slug = (await stored(page.id)).slug;
    await pages.save.savePage({ user: author, pageId: page.id, expectedVersion: 1, content: content("From tab one", slug), now: later(1) });
    await expect(
      pages.save.savePage({ user: author, pageId: page.id, expectedVersion: 1, content: content("From tab two", slug), now: later(2) }),
    ).rejects.toBeInstanceOf(errors.ConflictError);
    expect(await stored(page.id)).toMatchObject({ title: "From tab one", version: 2 });
  });

  test("bodies are sanitized with the post allowlist on create and save", async () => {
    const author = await makeUser();
    const dirty = '<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a></p><script>steal()</script><iframe src="https://example.com"></iframe>';
    const page = await pages.create.createPage({ user: author, content: { ...content(), bodyHtml: dirty }, now });
    expect((await stored(page.id)).bodyHtml).toBe("<p>Hello <a>link</a></p>");
    const slug = (await stored(page.id)).slug;
    await pages.save.savePage({ user: author, pageId: page.id, expectedVersion: 1, content: { title: "T", slug, bodyHtml: `<h2>Beds</h2>${dirty}` }, now });
    expect((await stored(page.id)).bodyHtml).toBe("<h2>Beds</h2><p>Hello <a>link</a></p>");
  });

  test("authors manage their own pages; admins every page; another author's page is not found", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const admin = await makeUser("ADMIN");
    const page = await pages.create.createPage({ user: author, content: content("Author's"), now });
    const otherPage = await pages.create.createPage({ user: other, content: content("Other's"), now });

    const listedFor = async (user: Awaited<ReturnType<typeof makeUser>>) => (await pages.list.listPagesForUser(user)).map((listed) => listed.id);
    expect(await listedFor(author)).toEqual([page.id]);
    expect(await listedFor(admin)).toEqual(expect.arrayContaining([page.id, otherPage.id]));

    const slug = (await stored(page.id)).slug;
    await expect(pages.save.savePage({ user: other, pageId: page.id, expectedVersion: 1, content: content("Hijack", slug), now })).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(pages.publish.publishPage({ user: other, pageId: page.id, now })).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(pages.publish.unpublishPage({ user: other, pageId: page.id, now })).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(pages.remove.deletePage({ user: other, pageId: page.id })).rejects.toBeInstanceOf(errors.NotFoundError);
    expect(await stored(page.id)).toMatchObject({ title: "Author's", status: "DRAFT" });

    await pages.publish.publishPage({ user: admin, pageId: page.id, now });
    expect(await pages.remove.deletePage({ user: admin, pageId: page.id })).toEqual({ readersMaySeeIt: true });
  });

  test("the form's fields are checked before anything is written", () => {
    const result = validation.pageContentSchema.safeParse({ title: "  ", slug: "Not a slug!", bodyHtml: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["title", "slug"]);
    expect(validation.pageContentSchema.parse({ title: " About ", slug: " about-us ", bodyHtml: "" })).toEqual({ title: "About", slug: "about-us", bodyHtml: "" });
    expect(validation.deletePageSchema.safeParse({ pageId: "x" }).success).toBe(false);
    expect(validation.deletePageSchema.safeParse({ pageId: "x", confirm: "yes" }).success).toBe(true);
  });
});
