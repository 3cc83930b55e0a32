import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// GET /api/viewer's answer for each kind of reader: what the cached reader pages then show them.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let answerViewer: typeof import("../lib/viewer").answerViewer;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: "http://blog.example.test", NEXTAUTH_SECRET: "a-test-secret-of-at-least-thirty-two-characters" });
  db = (await import("../lib/db")).db;
  answerViewer = (await import("../lib/viewer")).answerViewer;
});

type Role = "READER" | "AUTHOR" | "ADMIN";
const unique = () => randomBytes(5).toString("hex");

async function makeUser(role: Role) {
  const id = `u-${unique()}`;
  const user = { id, name: `${role.toLowerCase()} ${id}`, email: `${id}@example.test`, role };
  await db.user.create({ data: user });
  return user;
}

async function makePost(authorId: string) {
  const slug = `p-${unique()}`;
  const data = { title: `Post ${slug}`, slug, permalink: `/2020/01/${slug}`, bodyHtml: "<p>Body</p>", status: "PUBLISHED" as const, publishedAt: new Date("2020-01-02T10:00:00Z"), authorId };
  return db.post.create({ data });
}

const ask = (user: Awaited<ReturnType<typeof makeUser>> | null, postId?: string) =>
  answerViewer({ user, postId, now: new Date(), clock: async () => ({ timeZone: "Europe/London", locale: "en-GB" }) });

describe("what /api/viewer tells each reader", () => {
  test("a signed-out visitor is told nothing but that", async () => {
    const post = await makePost((await makeUser("AUTHOR")).id);
    expect(await ask(null)).toEqual({ user: null });
    expect(await ask(null, post.id)).toEqual({ user: null });
  });

  test("a reader gets their name and role, and may edit no post", async () => {
    const reader = await makeUser("READER");
    const post = await makePost((await makeUser("AUTHOR")).id);
    expect(await ask(reader)).toEqual({ user: { name: reader.name, role: "READER" } });
    expect(await ask(reader, post.id)).toMatchObject({ user: { role: "READER" }, mayEditPost: false });
  });

  test("an author may edit their own post and not another author's", async () => {
    const [author, other] = [await makeUser("AUTHOR"), await makeUser("AUTHOR")];
    const [own, theirs] = [await makePost(author.id), await makePost(other.id)];
    expect(await ask(author)).toEqual({ user: { name: author.name, role: "AUTHOR" } });
    expect(await ask(author, own.id)).toMatchObject({ user: { role: "AUTHOR" }, mayEditPost: true, comments: { moderator: true } });
    expect(await ask(author, theirs.id)).toMatchObject({ mayEditPost: false, comments: { moderator: false } });
  });

  test("an admin may edit anyone's post", async () => {
    const admin = await makeUser("ADMIN");
    const post = await makePost((await makeUser("AUTHOR")).id);
    expect(await ask(admin, post.id)).toMatchObject({ user: { role: "ADMIN" }, mayEditPost: true });
  });

  test("an author who was made a reader may no longer edit the posts they wrote", async () => {
    const former = await makeUser("READER");
    const post = await makePost(former.id);
    expect(await ask(former, post.id)).toMatchObject({ mayEditPost: false });
  });

  test("a post that does not exist is editable by nobody", async () => {
    expect(await ask(await makeUser("ADMIN"), "no-such-post")).toMatchObject({ mayEditPost: false, comments: null });
  });
});
