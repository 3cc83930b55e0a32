import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// Pending versions: edits to a live post or page wait until Update, through the data functions the
// server actions call, against PostgreSQL. Readers are represented by the reader pages' own queries.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let errors: typeof import("../lib/errors");
let posts: {
  create: typeof import("../lib/posts/create");
  save: typeof import("../lib/posts/save");
  publishing: typeof import("../lib/posts/publishing");
  pending: typeof import("../lib/posts/pending");
  editing: typeof import("../lib/posts/editing");
};
let pages: {
  create: typeof import("../lib/static-pages/create");
  save: typeof import("../lib/static-pages/save");
  publish: typeof import("../lib/static-pages/publish");
  pending: typeof import("../lib/static-pages/pending");
  editing: typeof import("../lib/static-pages/editing");
};
let readers: { post: typeof import("../lib/queries/post-page"); pages: typeof import("../lib/queries/pages") };

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  errors = await import("../lib/errors");
  posts = {
    create: await import("../lib/posts/create"),
    save: await import("../lib/posts/save"),
    publishing: await import("../lib/posts/publishing"),
    pending: await import("../lib/posts/pending"),
    editing: await import("../lib/posts/editing"),
  };
  pages = {
    create: await import("../lib/static-pages/create"),
    save: await import("../lib/static-pages/save"),
    publish: await import("../lib/static-pages/publish"),
    pending: await import("../lib/static-pages/pending"),
    editing: await import("../lib/static-pages/editing"),
  };
  readers = { post: await import("../lib/queries/post-page"), pages: await import("../lib/queries/pages") };
});

const TZ = "Europe/London";
const unique = () => randomBytes(5).toString("hex");
const now = new Date("2026-06-15T10:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

async function makeUser() {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name: `Writer ${id}`, email: `${id}@example.test`, role: "AUTHOR" } });
  return { id, name: `Writer ${id}`, email: `${id}@example.test`, role: "AUTHOR", image: null } as never as import("../lib/dashboard/access").DashboardUser;
}

type User = Awaited<ReturnType<typeof makeUser>>;
type Content = import("../lib/validation/posts").PostContent;

/** A published post with its first words, as a reader finds it. */
async function publishedPost(author: User) {
  const words: Content = { title: "The live title", slug: `live-${unique()}`, bodyHtml: "<p>The live words.</p>", excerpt: "", labels: ["Kept"] };
  const { id } = await posts.create.createDraft({ user: author, now });
  const saved = await posts.save.savePost({ user: author, postId: id, expectedVersion: 1, saveId: crypto.randomUUID(), content: words, timeZone: TZ, now });
  const published = await posts.publishing.publishPost({ user: author, postId: id, expectedVersion: saved.version, timeZone: TZ, now });
  return { id, words, version: published.version, permalink: published.permalink };
}

const readerSees = (permalink: string) => readers.post.findVisiblePost({ permalink, now: later(3600) });

describe("pending versions of a published post", () => {
  test("a save keeps the live words for readers and expires nothing; the editor and preview get the pending ones", async () => {
    const author = await makeUser();
    const post = await publishedPost(author);
    const saved = await posts.save.savePost({
      user: author,
      postId: post.id,
      expectedVersion: post.version,
      saveId: crypto.randomUUID(),
      content: { ...post.words, title: "Half a new title", bodyHtml: "<p>Half-written sent</p>", labels: ["Kept", "Fresh"] },
      timeZone: TZ,
      now: later(10),
    });
    expect(saved).toMatchObject({ pending: true, posts: false, labels: false, redirects: false, version: post.version + 1 });

    expect(await readerSees(post.permalink)).toMatchObject({ title: "The live title", bodyHtml: "<p>The live words.</p>", labels: [{ name: "Kept", slug: "kept" }] });
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).updatedAt).toEqual(now);
    expect(await db.label.findFirst({ where: { name: "Fresh" } })).toBeNull();

    const editing = await posts.editing.getPostForEditing({ user: author, postId: post.id });
    expect(editing).toMatchObject({ title: "Half a new title", bodyHtml: "<p>Half-written sent</p>", labels: ["Fresh", "Kept"], pendingSince: later(10) });
    expect(await posts.editing.getPostForPreview({ user: author, postId: post.id })).toMatchObject({ title: "Half a new title", bodyHtml: "<p>Half-written sent</p>" });
    // Revisions keep working on the pending version.
    const latest = await db.postRevision.findFirst({ where: { postId: post.id }, orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({ kind: "EDIT", title: "Half a new title" });
  });

  test("Update applies title, slug, body and labels in one step, with a PUBLISH revision and a redirect from the old address", async () => {
    const author = await makeUser();
    const post = await publishedPost(author);
    const newSlug = `moved-${unique()}`;
    const saved = await posts.save.savePost({
      user: author,
      postId: post.id,
      expectedVersion: post.version,
      saveId: crypto.randomUUID(),
      content: { title: "The new title", slug: newSlug, bodyHtml: "<p>The finished words.</p>", excerpt: "Short", labels: ["Fresh"] },
      timeZone: TZ,
      now: later(10),
    });
    const updated = await posts.pending.updateLivePost({ user: author, postId: post.id, expectedVersion: saved.version, timeZone: TZ, now: later(20) });
    expect(updated).toMatchObject({ posts: true, labels: true, redirects: true, version: saved.version + 1 });

    const newPermalink = `/2026/06/${newSlug}`;
    expect(await readerSees(newPermalink)).toMatchObject({ title: "The new title", bodyHtml: "<p>The finished words.</p>", excerpt: "Short", labels: [{ name: "Fresh", slug: "fresh" }] });
    expect(await readerSees(post.permalink)).toBeNull();
    expect(await db.redirect.findUnique({ where: { fromPath: post.permalink } })).toMatchObject({ toPath: newPermalink });
    expect(await db.pendingPostEdit.findUnique({ where: { postId: post.id } })).toBeNull();
    const latest = await db.postRevision.findFirst({ where: { postId: post.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(latest).toMatchObject({ kind: "PUBLISH", title: "The new title", bodyHtml: "<p>The finished words.</p>" });
    expect((await posts.editing.getPostForEditing({ user: author, postId: post.id })).pendingSince).toBeNull();

    // Nothing left to update.
    await expect(posts.pending.updateLivePost({ user: author, postId: post.id, expectedVersion: updated.version, timeZone: TZ, now: later(30) })).rejects.toThrow("no changes to update");
  });

  test("an Update that fails changes nothing: a pending title left empty is refused", async () => {
    const author = await makeUser();
    const post = await publishedPost(author);
    const saved = await posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: { ...post.words, title: "", bodyHtml: "<p>New.</p>" }, timeZone: TZ, now });
    await expect(posts.pending.updateLivePost({ user: author, postId: post.id, expectedVersion: saved.version, timeZone: TZ, now })).rejects.toThrow("Give the post a title before publishing it.");
    expect(await readerSees(post.permalink)).toMatchObject({ title: "The live title", bodyHtml: "<p>The live words.</p>" });
    expect(await db.pendingPostEdit.findUnique({ where: { postId: post.id } })).toMatchObject({ bodyHtml: "<p>New.</p>" });
  });

  test("Discard changes brings the live words back to the editor; a save equal to the live post removes the pending version", async () => {
    const author = await makeUser();
    const post = await publishedPost(author);
    const saved = await posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: { ...post.words, bodyHtml: "<p>Second thoughts.</p>" }, timeZone: TZ, now });
    const discarded = await posts.pending.discardPendingEdit({ user: author, postId: post.id, expectedVersion: saved.version });
    expect(discarded.posts).toBe(false);
    expect(await posts.editing.getPostForEditing({ user: author, postId: post.id })).toMatchObject({ bodyHtml: "<p>The live words.</p>", pendingSince: null });
    expect(await readerSees(post.permalink)).toMatchObject({ bodyHtml: "<p>The live words.</p>" });

    const again = await posts.save.savePost({ user: author, postId: post.id, expectedVersion: discarded.version, saveId: crypto.randomUUID(), content: { ...post.words, bodyHtml: "<p>Other thoughts.</p>" }, timeZone: TZ, now });
    expect(await db.pendingPostEdit.count({ where: { postId: post.id } })).toBe(1);
    const back = await posts.save.savePost({ user: author, postId: post.id, expectedVersion: again.version, saveId: crypto.randomUUID(), content: post.words, timeZone: TZ, now });
    expect(back.pending).toBe(false);
    expect(await db.pendingPostEdit.count({ where: { postId: post.id } })).toBe(0);
  });

  test("a pending save sent again after its answer was lost is answered as saved, and changes nothing", async () => {
    const author = await makeUser();
    const post = await publishedPost(author);
    const mine = { postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: { ...post.words, bodyHtml: "<p>Pending words.</p>" }, timeZone: TZ };
    const landed = await posts.save.savePost({ user: author, ...mine, now: later(10) });
    const before = { post: await db.post.findUniqueOrThrow({ where: { id: post.id } }), pending: await db.pendingPostEdit.findUniqueOrThrow({ where: { postId: post.id } }) };
    const revisions = await db.postRevision.count({ where: { postId: post.id } });

    const again = await posts.save.savePost({ user: author, ...mine, now: later(200) });
    expect(again).toMatchObject({ version: landed.version, bodyHtml: "<p>Pending words.</p>", pending: true });
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id } })).toEqual(before.post);
    expect(await db.pendingPostEdit.findUniqueOrThrow({ where: { postId: post.id } })).toEqual(before.pending);
    expect(await db.postRevision.count({ where: { postId: post.id } })).toBe(revisions);
    await expect(posts.save.savePost({ user: author, ...mine, saveId: crypto.randomUUID(), now: later(210) })).rejects.toThrow(errors.ConflictError);
  });

  test("two tabs on a published post: the stale save is refused and overwrites nothing", async () => {
    const author = await makeUser();
    const post = await publishedPost(author);
    await posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: { ...post.words, title: "From tab one" }, timeZone: TZ, now });
    await expect(
      posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: { ...post.words, title: "From tab two" }, timeZone: TZ, now: later(5) }),
    ).rejects.toBeInstanceOf(errors.ConflictError);
    expect(await db.pendingPostEdit.findUniqueOrThrow({ where: { postId: post.id } })).toMatchObject({ title: "From tab one" });
    expect(await readerSees(post.permalink)).toMatchObject({ title: "The live title" });
    await expect(posts.pending.updateLivePost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: TZ, now })).rejects.toBeInstanceOf(errors.ConflictError);
    await expect(posts.pending.discardPendingEdit({ user: author, postId: post.id, expectedVersion: post.version })).rejects.toBeInstanceOf(errors.ConflictError);
    expect(await readerSees(post.permalink)).toMatchObject({ title: "The live title" });
  });

  test("unpublishing makes the pending version the draft's text", async () => {
    const author = await makeUser();
    const post = await publishedPost(author);
    const saved = await posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: { ...post.words, bodyHtml: "<p>Reworked.</p>" }, timeZone: TZ, now });
    await posts.publishing.unpublishPost({ user: author, postId: post.id, expectedVersion: saved.version, timeZone: TZ, now });
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({ status: "DRAFT", bodyHtml: "<p>Reworked.</p>" });
    expect(await db.pendingPostEdit.count({ where: { postId: post.id } })).toBe(0);
  });

  test("a draft's saves go straight onto the post", async () => {
    const author = await makeUser();
    const { id } = await posts.create.createDraft({ user: author, now });
    expect((await db.post.findUniqueOrThrow({ where: { id } })).title).toBe("");
    const saved = await posts.save.savePost({ user: author, postId: id, expectedVersion: 1, saveId: crypto.randomUUID(), content: { title: "Straight in", slug: "straight-in", bodyHtml: "", excerpt: "", labels: [] }, timeZone: TZ, now });
    expect(saved.pending).toBe(false);
    expect((await db.post.findUniqueOrThrow({ where: { id } })).title).toBe("Straight in");
    await expect(
      posts.publishing.publishPost({ user: author, postId: id, expectedVersion: (await posts.save.savePost({ user: author, postId: id, expectedVersion: saved.version, saveId: crypto.randomUUID(), content: { title: "", slug: "straight-in", bodyHtml: "", excerpt: "", labels: [] }, timeZone: TZ, now })).version, timeZone: TZ, now }),
    ).rejects.toThrow("Give the post a title before publishing it.");
  });
});

describe("pending versions of a published page", () => {
  test("a save waits for Update; Discard brings the live text back; a stale form is refused", async () => {
    const author = await makeUser();
    const slug = `garden-${unique()}`;
    const page = await pages.create.createPage({ user: author, content: { title: "The garden", slug, bodyHtml: "<p>Live beds.</p>" }, now });
    await pages.publish.publishPage({ user: author, pageId: page.id, now });

    const saved = await pages.save.savePage({ user: author, pageId: page.id, expectedVersion: 1, content: { title: "The garden", slug, bodyHtml: "<p>New beds.</p>" }, now: later(10) });
    expect(saved).toEqual({ version: 2, pending: true });
    expect(await readers.pages.findPublishedPage({ slug })).toMatchObject({ bodyHtml: "<p>Live beds.</p>" });
    expect(await pages.editing.getPageForEditing({ user: author, pageId: page.id })).toMatchObject({ bodyHtml: "<p>New beds.</p>", pendingSince: later(10) });
    await expect(pages.save.savePage({ user: author, pageId: page.id, expectedVersion: 1, content: { title: "Tab two", slug, bodyHtml: "<p>x</p>" }, now })).rejects.toBeInstanceOf(errors.ConflictError);

    await pages.pending.discardPendingPageEdit({ user: author, pageId: page.id });
    expect(await pages.editing.getPageForEditing({ user: author, pageId: page.id })).toMatchObject({ bodyHtml: "<p>Live beds.</p>", pendingSince: null });

    const newSlug = `${slug}-moved`;
    await pages.save.savePage({ user: author, pageId: page.id, expectedVersion: 3, content: { title: "The walled garden", slug: newSlug, bodyHtml: "<p>Walled beds.</p>" }, now: later(20) });
    expect(await readers.pages.findPublishedPage({ slug })).toMatchObject({ title: "The garden" });
    await pages.pending.updateLivePage({ user: author, pageId: page.id, now: later(30) });
    expect(await readers.pages.findPublishedPage({ slug: newSlug })).toMatchObject({ title: "The walled garden", bodyHtml: "<p>Walled beds.</p>" });
    expect(await db.pendingPageEdit.count({ where: { pageId: page.id } })).toBe(0);
  });
});
