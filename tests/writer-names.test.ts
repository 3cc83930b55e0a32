import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// Readers cannot pose as the blog's writers: not by taking a writer's name, and not in the
// comment thread, where a writer's comments carry a badge.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let accounts: typeof import("../lib/accounts");
let postPage: typeof import("../lib/queries/post-page");

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  accounts = await import("../lib/accounts");
  postPage = await import("../lib/queries/post-page");
});

const unique = () => randomBytes(5).toString("hex");

async function makeUser(role: "READER" | "AUTHOR" | "ADMIN", name: string) {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name, email: `${id}@example.test`, role } });
  return { id, name };
}

const signUp = (name: string) => accounts.registerAccount({ name, email: `${unique()}@example.test`, password: "a good long password" });

describe("a writer's name", () => {
  test("is refused at sign-up, however it is spaced, cased or written in look-alike characters", async () => {
    await makeUser("AUTHOR", "Maggie Ellery");
    await makeUser("ADMIN", "Blog Keeper");
    for (const name of ["Maggie Ellery", "maggie  ELLERY", " Maggie\u00a0Ellery ", "\uff2daggie Ellery", "BLOG KEEPER"]) {
      expect(await signUp(name)).toEqual({ created: false, reason: "writers-name" });
    }
    expect((await signUp("Maggie Ellery's fan")).created).toBe(true);
  });

  test("is refused when a reader renames themselves, and a writer keeps their own", async () => {
    const writer = await makeUser("AUTHOR", "Harriet Vane");
    const reader = await makeUser("READER", "Pat");
    expect(await accounts.renameAccount(reader.id, "harriet vane")).toBe("writers-name");
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).name).toBe("Pat");
    expect(await accounts.renameAccount(reader.id, "Patricia")).toBe("renamed");
    expect(await accounts.renameAccount(writer.id, "Harriet  Vane")).toBe("renamed");
    expect((await db.user.findUniqueOrThrow({ where: { id: writer.id } })).name).toBe("Harriet  Vane");
  });

  test("a reader's name is no writer's, so readers may share names", async () => {
    await makeUser("READER", "Common Name");
    expect((await signUp("Common Name")).created).toBe(true);
  });
});

describe("comment thread badges", () => {
  test("mark the post author's comments and other staff's, not a reader's", async () => {
    const author = await makeUser("AUTHOR", `Author ${unique()}`);
    const otherAuthor = await makeUser("AUTHOR", `Colleague ${unique()}`);
    const admin = await makeUser("ADMIN", `Admin ${unique()}`);
    const reader = await makeUser("READER", `Reader ${unique()}`);
    const slug = `p-${unique()}`;
    const post = await db.post.create({
      data: { title: slug, slug, permalink: `/2020/01/${slug}`, bodyHtml: "<p>Body</p>", status: "PUBLISHED", publishedAt: new Date(), authorId: author.id },
    });
    const commenters = [reader, author, otherAuthor, admin];
    for (const [minute, user] of commenters.entries()) {
      await db.comment.create({
        data: { postId: post.id, userId: user.id, bodyHtml: "<p>Hi</p>", idempotencyKey: unique(), createdAt: new Date(Date.UTC(2020, 0, 1, 0, minute)) },
      });
    }
    await db.comment.create({ data: { postId: post.id, authorName: author.name, bodyHtml: "<p>Anonymous</p>", idempotencyKey: unique() } });

    let queries = 0;
    db.$on("query", () => queries++);
    const { thread } = await postPage.listPostComments({ postId: post.id });

    // One for the comments, one for their writers, as before the badges.
    expect(queries).toBe(2);
    expect(thread.map((comment) => [comment.authorName, comment.writer])).toEqual([
      [reader.name, false],
      [author.name, "author"],
      [otherAuthor.name, "staff"],
      [admin.name, "staff"],
      [author.name, false],
    ]);
  });
});
