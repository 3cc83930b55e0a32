import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// Post revisions: how saves become revisions (coalescing), listing, comparing and restoring them,
// through the data functions the dashboard calls, against PostgreSQL.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let revisions: typeof import("../lib/posts/revisions");
let history: typeof import("../lib/posts/revision-history");
let revisionDiff: typeof import("../lib/posts/revision-diff");
let errors: typeof import("../lib/errors");

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  revisions = await import("../lib/posts/revisions");
  history = await import("../lib/posts/revision-history");
  revisionDiff = await import("../lib/posts/revision-diff");
  errors = await import("../lib/errors");
});

const unique = () => randomBytes(5).toString("hex");
const start = new Date("2026-03-02T09:00:00Z");
const secondsLater = (seconds: number) => new Date(start.getTime() + seconds * 1000);

async function makeUser(role: "READER" | "AUTHOR" | "ADMIN" = "AUTHOR", name = "Author") {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name, email: `${id}@example.test`, role } });
  return { id, name, email: `${id}@example.test`, role } as { id: string; name: string; email: string; role: "AUTHOR" | "ADMIN" };
}
type TestUser = Awaited<ReturnType<typeof makeUser>>;

async function makePost(author: TestUser, { status = "DRAFT" }: { status?: "DRAFT" | "PUBLISHED" } = {}) {
  const slug = `p-${unique()}`;
  return db.post.create({
    data: { title: "Seed beds", slug, bodyHtml: "<p>First words.</p>", status, authorId: author.id },
    select: { id: true, version: true },
  });
}

/** What the editor's save does to revisions: one content change kept, inside a transaction. */
function keep(postId: string, author: TestUser, kind: "EDIT" | "PUBLISH" | "RESTORE", title: string, now: Date) {
  return db.$transaction((tx) =>
    revisions.recordRevision(tx, { postId, authorId: author.id, kind, content: { title, bodyHtml: `<p>${title} body</p>`, excerpt: null }, now }),
  );
}

const kept = (postId: string) =>
  db.postRevision.findMany({ where: { postId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, title: true, authorId: true } });

describe("coalescing", () => {
  test("two edits by one author within a minute make one revision holding the later text", async () => {
    const author = await makeUser();
    const post = await makePost(author);
    await keep(post.id, author, "EDIT", "One", start);
    await keep(post.id, author, "EDIT", "Two", secondsLater(59));
    expect(await kept(post.id)).toEqual([{ kind: "EDIT", title: "Two", authorId: author.id }]);
  });

  test("an edit a minute or more after the last one starts a new revision", async () => {
    const author = await makeUser();
    const post = await makePost(author);
    await keep(post.id, author, "EDIT", "One", start);
    await keep(post.id, author, "EDIT", "Two", secondsLater(60));
    expect((await kept(post.id)).map((revision) => revision.title)).toEqual(["One", "Two"]);
  });

  test("a publish revision is never written over, and neither is another author's edit", async () => {
    const author = await makeUser();
    const admin = await makeUser("ADMIN", "Admin");
    const post = await makePost(author);
    await keep(post.id, author, "PUBLISH", "Published", start);
    await keep(post.id, author, "EDIT", "Edit after publish", secondsLater(5));
    await keep(post.id, admin, "EDIT", "Admin edit", secondsLater(10));
    expect((await kept(post.id)).map((revision) => `${revision.kind}:${revision.title}`)).toEqual([
      "PUBLISH:Published",
      "EDIT:Edit after publish",
      "EDIT:Admin edit",
    ]);
  });
});

describe("listing and reading", () => {
  test("lists a post's revisions newest first with their author's name, kind and times", async () => {
    const author = await makeUser("AUTHOR", "Rosa Lind");
    const post = await makePost(author);
    await keep(post.id, author, "EDIT", "Draft", start);
    await keep(post.id, author, "PUBLISH", "Published", secondsLater(120));
    const { post: listed, revisions: list } = await history.listRevisions({ user: author, postId: post.id });
    expect(listed).toMatchObject({ id: post.id, version: 1, status: "DRAFT" });
    expect(list.map((revision) => [revision.kind, revision.author.name, revision.createdAt.toISOString()])).toEqual([
      ["PUBLISH", "Rosa Lind", secondsLater(120).toISOString()],
      ["EDIT", "Rosa Lind", start.toISOString()],
    ]);
  });

  test("another author's post or revision is not found; an admin sees both", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const admin = await makeUser("ADMIN", "Admin");
    const post = await makePost(owner);
    const revision = await keep(post.id, owner, "EDIT", "Mine", start);
    await expect(history.listRevisions({ user: other, postId: post.id })).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(history.getRevision({ user: other, postId: post.id, revisionId: revision.id })).rejects.toBeInstanceOf(errors.NotFoundError);
    await expect(
      history.restoreRevision({ user: other, postId: post.id, revisionId: revision.id, expectedVersion: 1, now: start }),
    ).rejects.toBeInstanceOf(errors.NotFoundError);
    expect((await history.listRevisions({ user: admin, postId: post.id })).revisions).toHaveLength(1);
    expect((await history.getRevision({ user: admin, postId: post.id, revisionId: revision.id })).revision.title).toBe("Mine");
  });

  test("a revision of another post is not found through this one", async () => {
    const author = await makeUser();
    const post = await makePost(author);
    const otherPost = await makePost(author);
    const revision = await keep(otherPost.id, author, "EDIT", "Elsewhere", start);
    await expect(history.getRevision({ user: author, postId: post.id, revisionId: revision.id })).rejects.toBeInstanceOf(errors.NotFoundError);
  });
});

describe("restoring", () => {
  test("puts the revision's content back, bumps the version and keeps the restore as a revision", async () => {
    const author = await makeUser();
    const post = await makePost(author);
    const old = await db.$transaction((tx) =>
      revisions.recordRevision(tx, {
        postId: post.id,
        authorId: author.id,
        kind: "EDIT",
        content: { title: "Old title", bodyHtml: "<p>Old body</p>", excerpt: "Old excerpt" },
        now: start,
      }),
    );
    await keep(post.id, author, "EDIT", "Newer", secondsLater(300));
    const result = await history.restoreRevision({ user: author, postId: post.id, revisionId: old.id, expectedVersion: 1, now: secondsLater(600) });
    expect(result).toEqual({ postId: post.id, version: 2, pending: false });
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { title: true, bodyHtml: true, excerpt: true, version: true } })).toEqual({
      title: "Old title",
      bodyHtml: "<p>Old body</p>",
      excerpt: "Old excerpt",
      version: 2,
    });
    expect((await kept(post.id)).map((revision) => `${revision.kind}:${revision.title}`)).toEqual(["EDIT:Old title", "EDIT:Newer", "RESTORE:Old title"]);
  });

  test("an admin restores another author's revision; on a published post it waits for Update as a pending version", async () => {
    const author = await makeUser();
    const admin = await makeUser("ADMIN", "Admin");
    const post = await makePost(author, { status: "PUBLISHED" });
    const revision = await keep(post.id, author, "PUBLISH", "As published", start);
    const result = await history.restoreRevision({ user: admin, postId: post.id, revisionId: revision.id, expectedVersion: 1, now: secondsLater(60) });
    expect(result.pending).toBe(true);
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { title: true } })).toEqual({ title: "Seed beds" });
    expect(await db.pendingPostEdit.findUniqueOrThrow({ where: { postId: post.id } })).toMatchObject({ title: "As published", bodyHtml: "<p>As published body</p>" });
    expect((await kept(post.id)).at(-1)).toEqual({ kind: "RESTORE", title: "As published", authorId: admin.id });
  });

  test("a stale expected version is refused and nothing is written", async () => {
    const author = await makeUser();
    const post = await makePost(author);
    const revision = await keep(post.id, author, "EDIT", "Earlier", start);
    await db.post.update({ where: { id: post.id }, data: { title: "Changed meanwhile", version: 2 } });
    await expect(
      history.restoreRevision({ user: author, postId: post.id, revisionId: revision.id, expectedVersion: 1, now: secondsLater(120) }),
    ).rejects.toThrow(errors.ConflictError);
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { title: true, version: true } })).toEqual({ title: "Changed meanwhile", version: 2 });
    expect(await kept(post.id)).toHaveLength(1);
  });

  test("a restored body goes through the allowlist again", async () => {
    const author = await makeUser();
    const post = await makePost(author);
    // Written straight to the table, as a revision kept under an older, wider allowlist could be.
    const revision = await db.postRevision.create({
      data: { postId: post.id, authorId: author.id, title: "Wide", bodyHtml: '<p onclick="x()">Kept</p><script>x()</script>' },
    });
    await history.restoreRevision({ user: author, postId: post.id, revisionId: revision.id, expectedVersion: 1, now: start });
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).bodyHtml).toBe("<p>Kept</p>");
  });
});

describe("comparing", () => {
  test("body text keeps paragraphs and line breaks as newlines", () => {
    expect(revisionDiff.bodyTextForDiff("<h2>Beds</h2><p>One &amp; two<br>three</p><ul><li>Four</li><li>Five</li></ul>")).toBe(
      "Beds\n\nOne & two\nthree\n\nFour\n\nFive",
    );
  });

  test("words removed since the revision and words added since are marked", () => {
    const diff = revisionDiff.diffRevisionWithCurrent(
      { title: "Seed beds", bodyHtml: "<p>The quick fox.</p>", excerpt: null },
      { title: "Seed beds", bodyHtml: "<p>The slow fox.</p><p>Second.</p>", excerpt: null },
    );
    expect(revisionDiff.hasChanges(diff.title)).toBe(false);
    expect(diff.body.filter((part) => part.change !== "same")).toEqual([
      { change: "removed", text: "quick" },
      { change: "added", text: "slow" },
      { change: "added", text: "Second." },
    ]);
  });
});
