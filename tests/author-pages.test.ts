import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations } from "../scripts/lib/migrator";
import { migrationsDir } from "../scripts/lib/paths";
import { createTestDatabase, runSql, withMigratedDatabase } from "./support/databases";

// Author pages: slugs made at sign-up and rename, the bio's rules, which accounts have a page and
// what it lists, and whose comment carries the "Author" badge. Real PostgreSQL throughout.
const database = withMigratedDatabase();
let lib: {
  accounts: typeof import("../lib/accounts");
  adapter: typeof import("../lib/auth/adapter");
  authors: typeof import("../lib/queries/authors");
  lists: typeof import("../lib/queries/post-lists");
  postPage: typeof import("../lib/queries/post-page");
  validation: typeof import("../lib/validation/accounts");
};

beforeAll(async () => {
  // lib/db.ts connects to DATABASE_URL on first import.
  process.env.DATABASE_URL = database.url;
  lib = {
    accounts: await import("../lib/accounts"),
    adapter: await import("../lib/auth/adapter"),
    authors: await import("../lib/queries/authors"),
    lists: await import("../lib/queries/post-lists"),
    postPage: await import("../lib/queries/post-page"),
    validation: await import("../lib/validation/accounts"),
  };
});

let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;

async function signUp(name: string) {
  const result = await lib.accounts.registerAccount({ name, email: `${unique()}@example.test`, password: "a long enough password" });
  if (!result.created) throw new Error(`not created: ${result.reason}`);
  return result.id;
}

const slugOf = async (id: string) => (await runSql(database.url, `SELECT slug FROM "User" WHERE id = $1`, [id])).rows[0].slug as string | null;

async function makeUser(name: string, role: "READER" | "AUTHOR" | "ADMIN", slug: string | null = `u-${unique()}`) {
  const id = `user-${unique()}`;
  await runSql(database.url, `INSERT INTO "User" (id, name, email, role, slug, "updatedAt") VALUES ($1, $2, $3, $4::"Role", $5, now())`, [id, name, `${id}@example.test`, role, slug]);
  return id;
}

async function makePost(authorId: string, title: string, { status = "PUBLISHED", publishedAt = new Date("2014-05-01T10:00:00Z"), trashed = false } = {}) {
  const id = `post-${unique()}`;
  await runSql(
    database.url,
    `INSERT INTO "Post" (id, title, slug, permalink, "bodyHtml", status, "publishedAt", "trashedAt", "authorId", "updatedAt")
     VALUES ($1, $2, $1, $3, '<p>Text.</p>', $4::"PostStatus", $5, $6, $7, now())`,
    [id, title, `/2014/05/${id}`, status, publishedAt, trashed ? new Date() : null, authorId],
  );
  return id;
}

describe("slugs", () => {
  test("sign-up makes the slug from the name, and a second account of the same name gets the next number", async () => {
    const first = await signUp("Zoë Brannock-Ávila");
    const second = await signUp("Zoë Brannock-Ávila");
    const third = await signUp("zoe brannock avila");
    expect([await slugOf(first), await slugOf(second), await slugOf(third)]).toEqual(["zoe-brannock-avila", "zoe-brannock-avila-2", "zoe-brannock-avila-3"]);
  });

  test("a name with nothing to make a slug of gets 'author', numbered like any other", async () => {
    const ids = [await signUp("🦉"), await signUp("🦉🦉")];
    expect(await Promise.all(ids.map(slugOf))).toEqual(["author", "author-2"]);
  });

  test("a rename moves the slug to the new name; saving the same name keeps it; a taken one is numbered", async () => {
    const taken = await signUp("Odile Marchbank");
    const id = await signUp("Pim Halloway");
    await lib.accounts.renameAccount(id, "Pim Halloway");
    expect(await slugOf(id)).toBe("pim-halloway");
    await lib.accounts.renameAccount(id, "Odile Marchbank");
    expect(await slugOf(id)).toBe("odile-marchbank-2");
    expect(await slugOf(taken)).toBe("odile-marchbank");
    await lib.accounts.renameAccount(id, "Pim Halloway-Smythe");
    expect(await slugOf(id)).toBe("pim-halloway-smythe");
  });

  test("a rename leaves the old address leading to the new one, never along a chain, and a name taken back frees it", async () => {
    const id = await signUp("Ysolde Farrant");
    const redirectsTouching = async () =>
      (await runSql(database.url, `SELECT "fromPath", "toPath" FROM "Redirect" WHERE "fromPath" LIKE '/profile/ysolde-%' OR "toPath" LIKE '/profile/ysolde-%' ORDER BY "fromPath"`)).rows;
    await lib.accounts.renameAccount(id, "Ysolde Farrant");
    expect(await redirectsTouching()).toEqual([]);
    await lib.accounts.renameAccount(id, "Ysolde Quist");
    await lib.accounts.renameAccount(id, "Ysolde Varga");
    expect(await redirectsTouching()).toEqual([
      { fromPath: "/profile/ysolde-farrant", toPath: "/profile/ysolde-varga" },
      { fromPath: "/profile/ysolde-quist", toPath: "/profile/ysolde-varga" },
    ]);
    await lib.accounts.renameAccount(id, "Ysolde Farrant");
    expect(await redirectsTouching()).toEqual([
      { fromPath: "/profile/ysolde-quist", toPath: "/profile/ysolde-farrant" },
      { fromPath: "/profile/ysolde-varga", toPath: "/profile/ysolde-farrant" },
    ]);
  });

  test("signing up again before confirming takes the new name's slug", async () => {
    const email = `${unique()}@example.test`;
    const signUpWaiting = (name: string) => lib.accounts.registerAccount({ name, email, password: "a long enough password" }, { awaitingConfirmation: true });
    expect(await signUpWaiting("Typo Nmae")).toEqual({ created: false, reason: "awaiting-confirmation" });
    expect(await signUpWaiting("Fixed Name")).toEqual({ created: false, reason: "awaiting-confirmation" });
    const rows = await runSql(database.url, `SELECT name, slug FROM "User" WHERE email = $1`, [email]);
    expect(rows.rows).toEqual([{ name: "Fixed Name", slug: "fixed-name" }]);
  });

  test("an account made through GitHub or Google gets a slug too", async () => {
    const user = await lib.adapter.longhandAdapter().createUser!({ name: "Tobiah Marsh", email: `${unique()}@example.test`, emailVerified: null, image: null });
    expect(await slugOf(user.id)).toBe("tobiah-marsh");
  });

  test("two sign-ups with one name at once both succeed, with different slugs", async () => {
    const ids = await Promise.all([signUp("Rosalind Fenwick"), signUp("Rosalind Fenwick"), signUp("Rosalind Fenwick")]);
    expect(new Set(await Promise.all(ids.map(slugOf))).size).toBe(3);
  });
});

describe("bio", () => {
  const parse = (bio: unknown) => lib.validation.profileBioSchema.safeParse({ bio });

  test("is trimmed, may be empty, and keeps its paragraphs", () => {
    expect(parse("  I grow leeks.\n\nAnd write.  ").data).toEqual({ bio: "I grow leeks.\n\nAnd write." });
    expect(parse("").data).toEqual({ bio: "" });
    expect(parse(undefined).data).toEqual({ bio: "" });
  });

  test("refuses text past 2,000 characters and characters that reverse the text around them", () => {
    expect(parse("a".repeat(2000)).success).toBe(true);
    expect(parse("a".repeat(2001)).error?.issues[0]?.message).toBe("Use at most 2,000 characters.");
    expect(parse("Hello \u202e dlrow").error?.issues[0]?.message).toMatch(/reverse the text/);
  });

  test("is saved for the account and shown on its profile with the page's address", async () => {
    const id = await signUp("Winifred Oake");
    await lib.accounts.saveBio(id, "Beekeeper.");
    expect(await lib.accounts.authorPageOf(id)).toEqual({ slug: "winifred-oake", bio: "Beekeeper.", isPublic: false });
    await runSql(database.url, `UPDATE "User" SET role = 'AUTHOR' WHERE id = $1`, [id]);
    await makePost(id, "On bees");
    expect(await lib.accounts.authorPageOf(id)).toMatchObject({ isPublic: true });
  });
});

describe("the author page", () => {
  const now = () => new Date();

  test("exists for a writer with a visible post and lists only their visible posts, newest first", async () => {
    const author = await makeUser("Cora Penhallow", "AUTHOR");
    const other = await makeUser("Someone Else", "AUTHOR");
    await makePost(author, "Older", { publishedAt: new Date("2014-01-01T00:00:00Z") });
    await makePost(author, "Newer", { publishedAt: new Date("2014-02-01T00:00:00Z") });
    await makePost(author, "Draft", { status: "DRAFT" });
    await makePost(author, "Trashed", { trashed: true });
    await makePost(author, "Not yet", { status: "SCHEDULED", publishedAt: new Date(Date.now() + 86_400_000) });
    await makePost(other, "Not hers");

    const slug = (await slugOf(author))!;
    expect(await lib.authors.findAuthor({ slug, now: now() })).toMatchObject({ id: author, name: "Cora Penhallow", slug });
    const list = await lib.lists.listVisiblePosts({ scope: { kind: "author", authorId: author }, page: {}, limit: 10, now: now() });
    expect(list.posts.map((post) => post.title)).toEqual(["Newer", "Older"]);
    expect(list.posts[0]).toMatchObject({ authorName: "Cora Penhallow", authorSlug: slug });
  });

  test("pages through a long list like the other lists", async () => {
    const author = await makeUser("Prolific Penn", "AUTHOR");
    for (let day = 1; day <= 5; day++) await makePost(author, `Day ${day}`, { publishedAt: new Date(`2014-03-0${day}T00:00:00Z`) });
    const scope = { kind: "author", authorId: author } as const;
    const first = await lib.lists.listVisiblePosts({ scope, page: {}, limit: 3, now: now() });
    const second = await lib.lists.listVisiblePosts({ scope, page: { older: first.older! }, limit: 3, now: now() });
    expect([first.posts, second.posts].map((posts) => posts.map((post) => post.title))).toEqual([["Day 5", "Day 4", "Day 3"], ["Day 2", "Day 1"]]);
    expect(second.older).toBeUndefined();
  });

  test("does not exist for a reader, a writer with only drafts, trashed or future posts, or a slug nobody has", async () => {
    const reader = await makeUser("Rita Reader", "READER");
    const drafter = await makeUser("Drew Drafter", "AUTHOR");
    await makePost(drafter, "Draft", { status: "DRAFT" });
    await makePost(drafter, "Trashed", { trashed: true });
    await makePost(drafter, "Later", { status: "SCHEDULED", publishedAt: new Date(Date.now() + 86_400_000) });
    for (const id of [reader, drafter]) expect(await lib.authors.findAuthor({ slug: (await slugOf(id))!, now: now() })).toBeNull();
    expect(await lib.authors.findAuthor({ slug: "nobody-has-this", now: now() })).toBeNull();
    expect(await lib.authors.listAuthorSlugs({ now: now(), limit: 1000 })).not.toContain(await slugOf(drafter));
  });
});

describe("the Author badge", () => {
  test("marks the post's own author, not a reader of the same name, and another writer as staff", async () => {
    const author = await makeUser("Hester Vane", "AUTHOR");
    const namesake = await makeUser("Hester Vane", "READER");
    const colleague = await makeUser("Colm Colleague", "ADMIN");
    const postId = await makePost(author, "Badges");
    for (const [userId, minute] of [[author, 1], [namesake, 2], [colleague, 3]] as const) {
      await runSql(
        database.url,
        `INSERT INTO "Comment" (id, "postId", "userId", "bodyHtml", "idempotencyKey", "createdAt") VALUES ($1, $2, $3, '<p>Hi.</p>', $1, $4)`,
        [`c-${unique()}`, postId, userId, new Date(Date.UTC(2014, 4, 1, 12, minute))],
      );
    }
    const { thread } = await lib.postPage.listPostComments({ postId });
    expect(thread.map((comment) => [comment.authorName, comment.writer])).toEqual([
      ["Hester Vane", "author"],
      ["Hester Vane", false],
      ["Colm Colleague", "staff"],
    ]);
  });
});

describe("the migration", () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  test("gives every existing account a slug from its name, unique, and a later namesake its id after it", async () => {
    const target = await createTestDatabase({ migrated: false });
    try {
      const before = await mkdtemp(path.join(tmpdir(), "longhand-migrations-"));
      folders.push(before);
      await cp(migrationsDir, before, { recursive: true });
      const migration = (await readdir(before)).find((name) => name.endsWith("_author_pages"));
      await rm(path.join(before, migration!), { recursive: true });
      await applyMigrations({ databaseUrl: target.url, migrationsDir: before });
      const users = [
        ["u1", "Zoë Brannock", "2010-01-01"],
        ["u2", "Zoe  Brannock!", "2011-01-01"],
        ["u3", "Привет", "2012-01-01"],
        ["u4", "Tom & Jerry", "2013-01-01"],
      ];
      for (const [id, name, created] of users) {
        await runSql(target.url, `INSERT INTO "User" (id, name, email, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, name, `${id}@example.test`, created]);
      }
      await applyMigrations({ databaseUrl: target.url, migrationsDir });
      const rows = (await runSql(target.url, `SELECT id, slug, bio FROM "User" ORDER BY id`)).rows;
      expect(rows).toEqual([
        { id: "u1", slug: "zoe-brannock", bio: "" },
        { id: "u2", slug: "zoe-brannock-u2", bio: "" },
        { id: "u3", slug: "author", bio: "" },
        { id: "u4", slug: "tom-and-jerry", bio: "" },
      ]);
    } finally {
      await target.drop();
    }
  });
});
