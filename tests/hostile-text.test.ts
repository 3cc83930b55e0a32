import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// Text from people that PostgreSQL cannot keep as typed: a NUL makes the whole write fail (so a
// comment, a title or a search for one answered 500), and a lone surrogate half has no UTF-8
// form. Every text field's schema makes it storable first. (The end-to-end corpus is
// e2e/hostile-input.spec.ts.)
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let createComment: typeof import("../lib/comments/create").createComment;
let searchPosts: typeof import("../lib/queries/search").searchPosts;
let schemas: {
  comments: typeof import("../lib/validation/comments");
  posts: typeof import("../lib/validation/posts");
  people: typeof import("../lib/validation/people");
  reader: typeof import("../lib/validation/reader");
  settings: typeof import("../lib/validation/settings");
};

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  createComment = (await import("../lib/comments/create")).createComment;
  searchPosts = (await import("../lib/queries/search")).searchPosts;
  schemas = {
    comments: await import("../lib/validation/comments"),
    posts: await import("../lib/validation/posts"),
    people: await import("../lib/validation/people"),
    reader: await import("../lib/validation/reader"),
    settings: await import("../lib/validation/settings"),
  };
  await db.setting.upsert({ where: { id: 1 }, create: { blogTitle: "Test blog" }, update: { commentPermission: "SIGNED_IN", commentModeration: "NEVER" } });
});

const unique = () => randomBytes(5).toString("hex");
const NUL = "before\u0000after";

async function makeUser(role: "READER" | "AUTHOR", name: string) {
  const id = `u-${unique()}`;
  return db.user.create({ data: { id, name, email: `${id}@example.test`, role }, select: { id: true, name: true, email: true, role: true } });
}

describe("NUL and lone surrogates", () => {
  test("PostgreSQL refuses a NUL in text outright: this is what the schemas guard against", async () => {
    const user = await makeUser("READER", "Plain");
    await expect(db.user.update({ where: { id: user.id }, data: { name: NUL } })).rejects.toThrow();
  });

  test("every text field drops NUL and mends a lone surrogate half before its other checks", () => {
    const typed = `${NUL} and \ud800 alone`;
    const stored = "beforeafter and \ufffd alone";
    expect(schemas.comments.commentBody.parse(typed)).toBe(stored);
    expect(schemas.posts.postTitle.parse(typed)).toBe(stored);
    expect(schemas.people.displayName.parse(typed)).toBe(stored);
    expect(schemas.reader.searchQuery.parse({ q: typed }).q).toBe(stored);
    expect(schemas.settings.blogSettingsSchema.shape.description.parse(typed)).toBe(stored);
    // A comment of NULs alone is empty.
    expect(schemas.comments.commentBody.safeParse("\u0000\u0000").success).toBe(false);
  });

  test("a comment with a NUL is stored without it, and a search for one answers", async () => {
    const [reader, author] = [await makeUser("READER", "Reader"), await makeUser("AUTHOR", "Author")];
    const slug = `p-${unique()}`;
    const post = await db.post.create({
      data: { title: "Say anything", slug, permalink: `/2020/01/${slug}`, bodyHtml: "<p>Body</p>", status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000), authorId: author.id },
    });
    const body = schemas.comments.commentBody.parse(NUL);
    const created = await createComment({ user: reader, postId: post.id, body, formKey: unique(), honeypot: "", now: new Date() });
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.id! } })).bodyHtml).toBe("<p>beforeafter</p>");
    const { q } = schemas.reader.searchQuery.parse({ q: NUL });
    await expect(searchPosts({ query: q, page: 1, perPage: 10, now: new Date() })).resolves.toMatchObject({ total: 0 });
  });
});

test("a display name cannot hold characters that reverse the text around it", () => {
  // "‮yrellE eiggaM" reads as "Maggie Ellery" on screen.
  for (const name of ["\u202eyrellE eiggaM", "Pat \u2067Reader", "Pat \u202aReader"]) {
    expect(schemas.people.displayName.safeParse(name).error?.issues[0]?.message).toBe("Your name cannot hold characters that reverse the text around it.");
  }
  expect(schemas.people.displayName.parse("José Ñúñez 李")).toBe("José Ñúñez 李");
});
