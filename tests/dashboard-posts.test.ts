import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";
import { newSaveId } from "../components/editor/save-id";

// The dashboard's post rules, through the data functions the server actions call, against
// PostgreSQL. Each test makes its own users and posts.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let errors: typeof import("../lib/errors");
let posts: {
  create: typeof import("../lib/posts/create");
  save: typeof import("../lib/posts/save");
  publishing: typeof import("../lib/posts/publishing");
  pending: typeof import("../lib/posts/pending");
  trash: typeof import("../lib/posts/trash");
  list: typeof import("../lib/posts/list");
  editing: typeof import("../lib/posts/editing");
};
let validation: typeof import("../lib/validation/posts");

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  errors = await import("../lib/errors");
  posts = {
    create: await import("../lib/posts/create"),
    save: await import("../lib/posts/save"),
    publishing: await import("../lib/posts/publishing"),
    pending: await import("../lib/posts/pending"),
    trash: await import("../lib/posts/trash"),
    list: await import("../lib/posts/list"),
    editing: await import("../lib/posts/editing"),
  };
  validation = await import("../lib/validation/posts");
});

const TZ = "Europe/London";
const unique = () => randomBytes(5).toString("hex");
const now = new Date("2026-06-15T10:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

async function makeUser(role: "AUTHOR" | "ADMIN" = "AUTHOR") {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name: `Writer ${id}`, email: `${id}@example.test`, role } });
  return { id, name: `Writer ${id}`, email: `${id}@example.test`, role, image: null } as never as import("../lib/dashboard/access").DashboardUser;
}

type User = Awaited<ReturnType<typeof makeUser>>;

function content(overrides: Partial<import("../lib/validation/posts").PostContent> = {}) {
  const slug = `post-${unique()}`;
  return { title: "A title", bodyHtml: "<p>Words.</p>", excerpt: "", slug, labels: [], ...overrides };
}

async function draft(user: User, overrides: Partial<import("../lib/validation/posts").PostContent> = {}) {
  const { id } = await posts.create.createDraft({ user, now });
  const saved = await posts.save.savePost({ user, postId: id, expectedVersion: 1, saveId: crypto.randomUUID(), content: content(overrides), timeZone: TZ, now });
  return { id, version: saved.version };
}

const stored = (id: string) => db.post.findUniqueOrThrow({ where: { id } });

describe("who may work on a post", () => {
  test("an author cannot read or change another author's post; an admin can", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const admin = await makeUser("ADMIN");
    const post = await draft(owner);

    await expect(posts.editing.getPostForEditing({ user: other, postId: post.id })).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(
      posts.save.savePost({ user: other, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: content({ title: "Taken over" }), timeZone: TZ, now }),
    ).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(posts.publishing.publishPost({ user: other, postId: post.id, expectedVersion: post.version, timeZone: TZ, now })).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(posts.trash.trashPost({ user: other, postId: post.id, expectedVersion: post.version, now })).rejects.toBeInstanceOf(errors.NotFoundError);
    expect((await stored(post.id)).title).toBe("A title");
    expect((await posts.list.listDashboardPosts({ user: other, now })).posts).toEqual([]);

    expect((await posts.editing.getPostForEditing({ user: admin, postId: post.id })).title).toBe("A title");
    await posts.save.savePost({ user: admin, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: content({ title: "Edited by the admin" }), timeZone: TZ, now });
    expect((await stored(post.id)).title).toBe("Edited by the admin");
    expect((await posts.list.listDashboardPosts({ user: admin, now, search: "edited by the admin" })).posts.map((row) => row.id)).toContain(post.id);
  });
});

describe("saving", () => {
  test("a stale version is refused and nothing is written", async () => {
    const author = await makeUser();
    const post = await draft(author, { title: "First", labels: ["Kept"] });
    await posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: content({ title: "From tab one" }), timeZone: TZ, now });
    const before = await stored(post.id);

    await expect(
      posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: content({ title: "From tab two", labels: ["New one"] }), timeZone: TZ, now: later(5) }),
    ).rejects.toThrow(errors.ConflictError);
    const after = await stored(post.id);
    expect(after).toEqual(before);
    expect(after.version).toBe(post.version + 1);
    expect(await db.label.findFirst({ where: { name: "New one" } })).toBeNull();
    await expect(posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: TZ, now })).rejects.toThrow(errors.ConflictError);
    expect((await stored(post.id)).status).toBe("DRAFT");
  });

  test("a save sent again after its answer was lost is answered as saved, and changes nothing", async () => {
    const author = await makeUser();
    const post = await draft(author, { title: "First" });
    const saveId = crypto.randomUUID();
    const mine = { postId: post.id, expectedVersion: post.version, saveId, content: content({ title: "Mine", bodyHtml: "<p>My words.</p>" }), timeZone: TZ };
    const landed = await posts.save.savePost({ user: author, ...mine, now: later(10) });
    const before = await stored(post.id);
    const revisions = await db.postRevision.count({ where: { postId: post.id } });

    const again = await posts.save.savePost({ user: author, ...mine, now: later(200) });
    expect(again).toMatchObject({ version: landed.version, bodyHtml: "<p>My words.</p>", pending: false });
    expect(await stored(post.id)).toEqual(before);
    expect(await db.postRevision.count({ where: { postId: post.id } })).toBe(revisions);

    // Another save over the old version is still another tab's: refused.
    await expect(posts.save.savePost({ user: author, ...mine, saveId: crypto.randomUUID(), now: later(210) })).rejects.toThrow(errors.ConflictError);
    // Once anything else was written since, the retry is refused too: the editor must not take that version for its own.
    await posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: landed.version, timeZone: TZ, now });
    await expect(posts.save.savePost({ user: author, ...mine, now: later(220) })).rejects.toThrow(errors.ConflictError);
    expect((await stored(post.id)).title).toBe("Mine");
  });

  test("each save adds one to the version; edits within a minute share a revision, and only real changes make one", async () => {
    const author = await makeUser();
    const { id } = await posts.create.createDraft({ user: author, now });
    const base = content({ title: "Draft one" });
    let version = 1;
    const save = async (changes: Partial<typeof base>, at: Date) => {
      version = (await posts.save.savePost({ user: author, postId: id, expectedVersion: version, saveId: crypto.randomUUID(), content: { ...base, ...changes }, timeZone: TZ, now: at })).version;
    };
    await save({}, now);
    await save({ bodyHtml: "<p>More words.</p>" }, later(20));
    await save({ bodyHtml: "<p>Even more words.</p>" }, later(40));
    expect(version).toBe(4);
    let revisions = await db.postRevision.findMany({ where: { postId: id }, orderBy: { createdAt: "asc" } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ kind: "EDIT", bodyHtml: "<p>Even more words.</p>" });

    // The same words again (only labels change) keep no revision.
    await save({ bodyHtml: "<p>Even more words.</p>", labels: ["Gardening"] }, later(200));
    expect(await db.postRevision.count({ where: { postId: id } })).toBe(1);

    await save({ bodyHtml: "<p>A new day.</p>" }, later(300));
    revisions = await db.postRevision.findMany({ where: { postId: id }, orderBy: { createdAt: "asc" } });
    expect(revisions.map((revision) => revision.bodyHtml)).toEqual(["<p>Even more words.</p>", "<p>A new day.</p>"]);
  });

  test("labels are picked by name, new ones created, and all can be removed", async () => {
    const author = await makeUser();
    const existing = await db.label.create({ data: { name: `Walks ${unique()}`, slug: `walks-${unique()}` } });
    const post = await draft(author, { labels: [existing.name.toUpperCase(), "Brand new label"] });
    const labels = await db.postLabel.findMany({ where: { postId: post.id }, select: { label: { select: { name: true, id: true } } } });
    expect(labels.map((row) => row.label.id)).toContain(existing.id);
    expect(labels.map((row) => row.label.name)).toContain("Brand new label");
    expect(await db.label.count({ where: { name: { startsWith: "Walks" } } })).toBe(1);

    await posts.save.savePost({ user: author, postId: post.id, expectedVersion: post.version, saveId: crypto.randomUUID(), content: content({ labels: [] }), timeZone: TZ, now });
    expect(await db.postLabel.count({ where: { postId: post.id } })).toBe(0);
  });

  test("the body is sanitized: no script, event handlers, javascript: links or iframes", async () => {
    const author = await makeUser();
    const post = await draft(author, {
      bodyHtml:
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a> <img src="https://example.test/a.png" onerror="steal()" alt="A"></p>' +
        '<script>steal()</script><iframe src="https://example.test/frame"></iframe><h2 onmouseover="x()">Kept</h2>',
    });
    const { bodyHtml } = await stored(post.id);
    expect(bodyHtml).not.toMatch(/script|onclick|onerror|onmouseover|javascript:|iframe|steal/i);
    expect(bodyHtml).toContain('<img src="https://example.test/a.png" alt="A" />');
    expect(bodyHtml).toContain("<h2>Kept</h2>");
  });

  test("the input rules: title, slug, excerpt, body size and labels", () => {
    const valid = { postId: "p1", expectedVersion: "3", saveId: crypto.randomUUID(), title: "  Hello  ", slug: "hello-world", excerpt: "", bodyHtml: "<p>x</p>", labels: "One" };
    expect(validation.savePostSchema.parse(valid)).toMatchObject({ expectedVersion: 3, title: "Hello", labels: ["One"] });
    // A post may be saved without a title while it is written (publishing asks for one).
    expect(validation.savePostSchema.parse({ ...valid, title: "   " }).title).toBe("");
    expect(validation.savePostSchema.safeParse({ ...valid, title: "x".repeat(201) }).success).toBe(false);
    for (const slug of ["Hello", "hello--world", "-hello", "hello world", "x".repeat(81)]) {
      expect(validation.savePostSchema.safeParse({ ...valid, slug }).success).toBe(false);
    }
    expect(validation.savePostSchema.safeParse({ ...valid, excerpt: "x".repeat(1001) }).success).toBe(false);
    expect(validation.savePostSchema.safeParse({ ...valid, bodyHtml: "x".repeat(500 * 1024 + 1) }).success).toBe(false);
    expect(validation.savePostSchema.safeParse({ ...valid, labels: Array.from({ length: 21 }, (_, index) => `L${index}`) }).success).toBe(false);
    expect(validation.savePostSchema.safeParse({ ...valid, labels: ["x".repeat(51)] }).success).toBe(false);
    expect(validation.savePostSchema.safeParse({ ...valid, expectedVersion: undefined }).success).toBe(false);
    // The editor's own ids (made without crypto.randomUUID, which plain HTTP lacks) pass.
    expect(validation.savePostSchema.safeParse({ ...valid, saveId: newSaveId() }).success).toBe(true);
    for (const saveId of [undefined, "", "save-1", `${crypto.randomUUID()}x`]) {
      expect(validation.savePostSchema.safeParse({ ...valid, saveId }).success).toBe(false);
    }
  });

  test("the schedule picker's fields: a real day, a month, a year and a 24-hour time", () => {
    const picked = { postId: "p1", expectedVersion: 2, day: "9", month: "12", year: "2026", time: "09:30" };
    expect(validation.schedulePostSchema.parse(picked)).toEqual({ postId: "p1", expectedVersion: 2, localDateTime: "2026-12-09T09:30" });
    const refused = (changes: Partial<typeof picked>) => validation.schedulePostSchema.safeParse({ ...picked, ...changes }).error?.issues.map((issue) => issue.message);
    expect(refused({ day: "31", month: "2" })).toEqual(["That day is not in that month."]);
    expect(refused({ day: "29", month: "2", year: "2028" })).toBeUndefined();
    expect(refused({ time: "9:30 pm" })).toEqual(["Write the time as hours and minutes, such as 09:30."]);
    expect(refused({ time: "24:00" })).toEqual(["Write the time as hours and minutes, such as 09:30."]);
    expect(refused({ month: "13" })).toEqual(["Choose a month."]);
  });
});

describe("publishing", () => {
  test("publish now gives the permalink from the slug and the month in the blog's time zone", async () => {
    const author = await makeUser();
    const slug = `new-year-${unique()}`;
    const post = await draft(author, { slug });
    // 00:30 on 1 January in London is still December in New York.
    const at = new Date("2027-01-01T00:30:00Z");
    const published = await posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: "America/New_York", now: at });
    expect(published.permalink).toBe(`/2026/12/${slug}`);
    expect(await stored(post.id)).toMatchObject({ status: "PUBLISHED", publishedAt: at, permalink: `/2026/12/${slug}` });
    expect(await db.postRevision.count({ where: { postId: post.id, kind: "PUBLISH" } })).toBe(1);
  });

  test("a permalink another post has is refused with a clear message", async () => {
    const author = await makeUser();
    const slug = `same-${unique()}`;
    const first = await draft(author, { slug });
    await posts.publishing.publishPost({ user: author, postId: first.id, expectedVersion: first.version, timeZone: TZ, now });
    const second = await draft(author, { slug });
    await expect(posts.publishing.publishPost({ user: author, postId: second.id, expectedVersion: second.version, timeZone: TZ, now })).rejects.toThrow(
      /already has the address/,
    );
    expect((await stored(second.id)).status).toBe("DRAFT");
  });

  test("scheduling takes a time on the blog's clock; a time in the past is refused", async () => {
    const author = await makeUser();
    const post = await draft(author);
    await expect(
      posts.publishing.schedulePost({ user: author, postId: post.id, expectedVersion: post.version, localDateTime: "2026-06-15T10:59", timeZone: TZ, now }),
    ).rejects.toBeInstanceOf(errors.InvalidRequestError);
    // 11:30 in London in June is 10:30 UTC.
    const scheduled = await posts.publishing.schedulePost({ user: author, postId: post.id, expectedVersion: post.version, localDateTime: "2026-06-15T11:30", timeZone: TZ, now });
    expect(await stored(post.id)).toMatchObject({ status: "SCHEDULED", publishedAt: new Date("2026-06-15T10:30:00Z"), permalink: scheduled.permalink });

    const listed = await posts.list.listDashboardPosts({ user: author, now, state: "scheduled" });
    expect(listed.posts.map((row) => row.id)).toEqual([post.id]);
    const afterwards = await posts.list.listDashboardPosts({ user: author, now: later(3600), state: "published" });
    expect(afterwards.posts.map((row) => row.id)).toEqual([post.id]);
  });

  test("unpublish returns the post to the drafts", async () => {
    const author = await makeUser();
    const post = await draft(author);
    const published = await posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: TZ, now });
    await posts.publishing.unpublishPost({ user: author, postId: post.id, expectedVersion: published.version, timeZone: TZ, now });
    expect((await stored(post.id)).status).toBe("DRAFT");
    expect((await posts.list.listDashboardPosts({ user: author, now, state: "draft" })).posts.map((row) => row.id)).toEqual([post.id]);
  });

  test("a new slug on a published post redirects from the old address once updated, without chains", async () => {
    const author = await makeUser();
    const base = `moving-${unique()}`;
    const post = await draft(author, { slug: `${base}-a` });
    let { version } = await posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: TZ, now });
    const save = async (slug: string) => {
      version = (await posts.save.savePost({ user: author, postId: post.id, expectedVersion: version, saveId: crypto.randomUUID(), content: content({ slug }), timeZone: TZ, now })).version;
      version = (await posts.pending.updateLivePost({ user: author, postId: post.id, expectedVersion: version, timeZone: TZ, now })).version;
    };
    await save(`${base}-b`);
    expect(await stored(post.id)).toMatchObject({ permalink: `/2026/06/${base}-b`, slug: `${base}-b` });
    await save(`${base}-c`);
    const redirects = await db.redirect.findMany({ where: { fromPath: { startsWith: `/2026/06/${base}` } }, orderBy: { fromPath: "asc" } });
    expect(redirects.map((row) => [row.fromPath, row.toPath])).toEqual([
      [`/2026/06/${base}-a`, `/2026/06/${base}-c`],
      [`/2026/06/${base}-b`, `/2026/06/${base}-c`],
    ]);
    // Back to the first slug: the post owns that path again, so no redirect leaves it.
    await save(`${base}-a`);
    const back = await db.redirect.findMany({ where: { fromPath: { startsWith: `/2026/06/${base}` } }, orderBy: { fromPath: "asc" } });
    expect(back.map((row) => [row.fromPath, row.toPath])).toEqual([
      [`/2026/06/${base}-b`, `/2026/06/${base}-a`],
      [`/2026/06/${base}-c`, `/2026/06/${base}-a`],
    ]);
  });

  test("a new publish date on a published post redirects from the old address", async () => {
    const author = await makeUser();
    const slug = `dated-${unique()}`;
    const post = await draft(author, { slug });
    const published = await posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: TZ, now });
    await posts.publishing.schedulePost({ user: author, postId: post.id, expectedVersion: published.version, localDateTime: "2026-08-01T09:00", timeZone: TZ, now });
    expect(await db.redirect.findUnique({ where: { fromPath: `/2026/06/${slug}` } })).toMatchObject({ toPath: `/2026/08/${slug}` });
  });

  test("a published post moved to an earlier date stays published under its new month; drafts and future dates are refused", async () => {
    const author = await makeUser();
    const slug = `backdated-${unique()}`;
    const post = await draft(author, { slug });
    const refusedDraft = posts.publishing.redatePost({ user: author, postId: post.id, expectedVersion: post.version, localDateTime: "2025-03-01T08:00", timeZone: TZ, now });
    await expect(refusedDraft).rejects.toThrow("Only a published post can change its date");
    const published = await posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: TZ, now });
    const refusedFuture = posts.publishing.redatePost({ user: author, postId: post.id, expectedVersion: published.version, localDateTime: "2026-06-15T12:00", timeZone: TZ, now });
    await expect(refusedFuture).rejects.toThrow("still to come");

    await posts.publishing.redatePost({ user: author, postId: post.id, expectedVersion: published.version, localDateTime: "2025-03-01T08:00", timeZone: TZ, now });
    expect(await stored(post.id)).toMatchObject({ status: "PUBLISHED", publishedAt: new Date("2025-03-01T08:00:00Z"), permalink: `/2025/03/${slug}` });
    expect(await db.redirect.findUnique({ where: { fromPath: `/2026/06/${slug}` } })).toMatchObject({ toPath: `/2025/03/${slug}` });
  });
});

describe("the trash", () => {
  test("trash and restore keep the post; delete for ever only from the trash, comments with it", async () => {
    const author = await makeUser();
    const reader = await db.user.create({ data: { id: `r-${unique()}`, name: "Reader", email: `r-${unique()}@example.test` } });
    const post = await draft(author);
    const published = await posts.publishing.publishPost({ user: author, postId: post.id, expectedVersion: post.version, timeZone: TZ, now });
    await db.comment.create({ data: { postId: post.id, userId: reader.id, bodyHtml: "<p>Nice.</p>", idempotencyKey: unique() } });

    await expect(posts.trash.deletePostForever({ user: author, postId: post.id, expectedVersion: published.version })).rejects.toBeInstanceOf(errors.InvalidRequestError);
    expect(await db.post.count({ where: { id: post.id } })).toBe(1);

    const trashed = await posts.trash.trashPost({ user: author, postId: post.id, expectedVersion: published.version, now });
    expect((await stored(post.id)).trashedAt).toEqual(now);
    expect((await posts.list.listDashboardPosts({ user: author, now, state: "trash" })).posts.map((row) => row.id)).toEqual([post.id]);
    expect((await posts.list.listDashboardPosts({ user: author, now, state: "published" })).posts).toEqual([]);

    const restored = await posts.trash.restorePost({ user: author, postId: post.id, expectedVersion: trashed.version, now });
    expect(await stored(post.id)).toMatchObject({ trashedAt: null, status: "PUBLISHED" });

    const again = await posts.trash.trashPost({ user: author, postId: post.id, expectedVersion: restored.version, now });
    await posts.trash.deletePostForever({ user: author, postId: post.id, expectedVersion: again.version });
    expect(await db.post.count({ where: { id: post.id } })).toBe(0);
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(0);
  });
});

describe("the list", () => {
  test("filters by state, label and title, and pages 20 at a time in a stable order", async () => {
    const author = await makeUser();
    const label = `Fig ${unique()}`;
    const ids: string[] = [];
    for (let index = 0; index < 23; index++) {
      const { id } = await posts.create.createDraft({ user: author, now });
      await posts.save.savePost({
        user: author,
        postId: id,
        expectedVersion: 1,
        saveId: crypto.randomUUID(),
        content: content({ title: index % 2 ? `Odd Harvest ${index}` : `Even ${index}`, labels: index < 3 ? [label] : [] }),
        timeZone: TZ,
        // Two posts share each moment, so the id must break ties.
        now: later(Math.floor(index / 2)),
      });
      ids.push(id);
    }
    const first = await posts.list.listDashboardPosts({ user: author, now });
    const second = await posts.list.listDashboardPosts({ user: author, now, page: 2 });
    expect(first).toMatchObject({ total: 23, pageCount: 2 });
    expect(first.posts).toHaveLength(20);
    expect(second.posts).toHaveLength(3);
    const all = [...first.posts, ...second.posts].map((row) => row.id);
    expect(new Set(all).size).toBe(23);
    const expected = [...ids].sort((a, b) => {
      const at = (id: string) => Math.floor(ids.indexOf(id) / 2);
      return at(b) - at(a) || (a < b ? 1 : -1);
    });
    expect(all).toEqual(expected);
    expect(first.posts[0]).toMatchObject({ state: "draft", commentCount: 0, labels: [] });

    const byLabel = await posts.list.listDashboardPosts({ user: author, now, label: (await db.label.findUniqueOrThrow({ where: { name: label } })).slug });
    expect(byLabel.posts.map((row) => row.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(byLabel.posts[0]!.labels).toEqual([{ name: label, slug: expect.any(String) }]);

    const searched = await posts.list.listDashboardPosts({ user: author, now, search: "odd HARVEST" });
    expect(searched.total).toBe(11);
    expect((await posts.list.listDashboardPosts({ user: author, now, state: "published" })).total).toBe(0);
  });
});
