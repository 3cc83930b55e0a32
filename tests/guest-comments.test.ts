import { deflateRawSync } from "node:zlib";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../lib/client-address-header.mjs";
import { blogSettingsSchema } from "../lib/validation/settings";
import { BLOG_URL, makeAccount, makePost, type Account, type PostRef } from "./authorization-matrix-fixtures";
import { withMigratedDatabase } from "./support/databases";
import { inNextRequest, nextRequest } from "./support/next-request";
import { sessionTokenFor } from "./support/session-cookie";

// Guest comments (a blog open to ANYONE), through the server action the form posts to, inside
// Next's request scope and against PostgreSQL: what the guest typed, where they write from (the
// server's own client-address header, as server.mjs stamps it), and the session if there is one.
const database = withMigratedDatabase();
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
let db: typeof import("../lib/db").db;
let actions: typeof import("../lib/actions/comments");
let moderation: typeof import("../lib/comments/moderate");
let postPage: typeof import("../lib/queries/post-page");
let refusedFlash: typeof import("../lib/comments/refused-flash");

beforeAll(async () => {
  // A blog that can send mail, so "Notify me" counts; nothing here runs the queue, so none is sent.
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: BLOG_URL, NEXTAUTH_SECRET: SECRET, SMTP_URL: "smtp://127.0.0.1:9", EMAIL_FROM: "blog@example.test" });
  db = (await import("../lib/db")).db;
  actions = await import("../lib/actions/comments");
  moderation = await import("../lib/comments/moderate");
  postPage = await import("../lib/queries/post-page");
  refusedFlash = await import("../lib/comments/refused-flash");
});

const policy = (commentPermission: "SIGNED_IN" | "ANYONE" | "NOBODY") =>
  db.setting.upsert({ where: { id: 1 }, create: { blogTitle: "Test blog", commentPermission, commentModeration: "NEVER" }, update: { commentPermission, commentModeration: "NEVER" } });

let owner: Account;
let post: PostRef;
let lastAddress = 0;
/** A client address no other test has used, so each test's rate limits are its own. */
const freshAddress = () => `10.77.${Math.floor(++lastAddress / 250)}.${(lastAddress % 250) + 1}`;
let address: string;

beforeEach(async () => {
  await policy("ANYONE");
  owner = await makeAccount("AUTHOR");
  post = await makePost(owner, "published");
  address = freshAddress();
});

interface Sent {
  /** Left out of the form when undefined, as a signed-in reader's form leaves it out. */
  authorName?: string | undefined;
  authorUrl?: string;
  authorEmail?: string;
  body?: string;
  formKey?: string;
  website?: string;
  parentId?: string;
  /** The "Notify me" box, "on" when ticked. */
  notify?: string;
}

/** The guest form as the page's script sends it; `from` is the connection's address. */
async function send(fields: Sent, { from = address, forwardedFor, signedInAs }: { from?: string; forwardedFor?: string; signedInAs?: Account } = {}) {
  const headers = new Headers({ origin: BLOG_URL, "next-action": "guest-comments-test", [CLIENT_ADDRESS_HEADER]: from });
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  if (signedInAs) headers.set("cookie", `next-auth.session-token=${await sessionTokenFor(signedInAs.id, SECRET)}`);
  const form = new FormData();
  const sent = { postId: post.postId, permalink: post.permalink, formKey: "form-1", authorName: "Gwen Guest", body: "Hello from a guest.", ...fields };
  for (const [name, value] of Object.entries(sent)) if (value !== undefined) form.append(name, value);
  const request = nextRequest(new URL(post.permalink, BLOG_URL), { method: "POST", headers });
  const { outcome, expiredTags } = await inNextRequest({ page: "lib/actions/comments", request }, () => actions.postGuestComment({ ok: false }, form));
  if (outcome.status === "rejected") throw outcome.reason;
  return { state: outcome.value, expiredTags };
}

const stored = () =>
  db.comment.findMany({
    where: { postId: post.postId },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true, userId: true, authorName: true, authorUrl: true, authorEmail: true, bodyHtml: true },
  });

describe("a guest's comment", () => {
  test("is kept with the name, web site and private email given, held for moderation even when accounts' comments are not, and shown once approved", async () => {
    const { state, expiredTags } = await send({ authorName: "  Gwen Guest ", authorUrl: "https://gwen.example.org/", authorEmail: "Gwen@Example.org" });
    expect(state).toEqual({ ok: true, landAt: "comment-awaiting-moderation" });
    expect(expiredTags.length).toBeGreaterThan(0);
    const [comment] = await stored();
    expect(comment).toMatchObject({ status: "PENDING", userId: null, authorName: "Gwen Guest", authorUrl: "https://gwen.example.org/", authorEmail: "gwen@example.org", bodyHtml: "<p>Hello from a guest.</p>" });
    expect((await postPage.listPostComments({ postId: post.postId })).count).toBe(0);

    await moderation.moderateComment({ user: { ...owner, role: "AUTHOR" }, commentId: comment!.id, decision: "approve" });
    const { count, thread } = await postPage.listPostComments({ postId: post.postId });
    expect(count).toBe(1);
    expect(thread[0]).toMatchObject({ id: comment!.id, authorName: "Gwen Guest", authorUrl: "https://gwen.example.org/", writer: false });
    // The email is the owner's to know, never the readers'.
    expect(JSON.stringify(thread)).not.toContain("gwen@example.org");
  });

  test("may reply to a shown comment", async () => {
    expect((await send({ body: "The first." })).state.ok).toBe(true);
    const [first] = await stored();
    await moderation.moderateComment({ user: { ...owner, role: "AUTHOR" }, commentId: first!.id, decision: "approve" });
    expect((await send({ body: "A reply.", parentId: first!.id })).state).toEqual({ ok: true, landAt: "comment-awaiting-moderation" });
    expect((await db.comment.findFirst({ where: { postId: post.postId, parentId: first!.id } }))?.authorName).toBe("Gwen Guest");
  });

  test("from someone signed in is their account's: their form asks no name, and a name the form still carries is not theirs to give", async () => {
    const reader = await makeAccount("READER");
    expect((await send({ authorName: undefined, body: "Signed in." }, { signedInAs: reader })).state.landAt).toMatch(/^c/);
    expect((await send({ authorName: "Someone Else", body: "Still me." }, { signedInAs: reader })).state.landAt).toMatch(/^c/);
    expect(await stored()).toMatchObject([
      { status: "VISIBLE", userId: reader.id, authorName: null, authorEmail: null },
      { status: "VISIBLE", userId: reader.id, authorName: null, authorEmail: null },
    ]);
  });
});

/** The guest's fields the form sent, as a refusal gives them back. */
const typedValues = ({ authorName, authorUrl, authorEmail }: Sent) =>
  Object.fromEntries(Object.entries({ authorName, authorUrl, authorEmail }).filter(([, value]) => value !== undefined));

describe("“Notify me” on the guest form", () => {
  const subscribers = () => db.commentSubscription.findMany({ where: { postId: post.postId, unsubscribedAt: null }, select: { email: true } });

  test("subscribes a signed-in reader's account email at once, and a guest's email only once a moderator approves the comment, when ticked", async () => {
    const reader = await makeAccount("READER");
    await send({ body: "Not ticked.", authorEmail: "quiet@example.org" });
    await send({ body: "Ticked.", authorEmail: "Gwen@Example.org", notify: "on" });
    await send({ authorName: undefined, body: "Me too.", notify: "on" }, { signedInAs: reader });
    expect((await subscribers()).map(({ email }) => email)).toEqual([reader.email]);
    for (const { id } of await db.comment.findMany({ where: { postId: post.postId, status: "PENDING" } })) {
      await moderation.moderateComment({ user: { ...owner, role: "AUTHOR" }, commentId: id, decision: "approve" });
    }
    expect((await subscribers()).map(({ email }) => email).sort()).toEqual(["gwen@example.org", reader.email].sort());
  });
});

describe("refused, with nothing stored and everything typed given back", () => {
  const typed = { authorName: "Gwen Guest", authorUrl: "https://gwen.example.org/", authorEmail: "gwen@example.org", body: "Words worth keeping." };
  test.each([
    ["no name field", { authorName: undefined }, "authorName", "Enter your name."],
    ["an empty name", { authorName: "" }, "authorName", "Enter your name."],
    ["a name of spaces", { authorName: "   " }, "authorName", "Enter your name."],
    ["a name past 80 characters", { authorName: "n".repeat(81) }, "authorName", "Use at most 80 characters."],
    ["a script address", { authorUrl: "javascript:alert(1)" }, "authorUrl", "Give a web address that starts with http:// or https://, or leave it empty."],
    ["an ftp address", { authorUrl: "ftp://files.example.org/" }, "authorUrl", "Give a web address that starts with http:// or https://, or leave it empty."],
    ["an address without its scheme", { authorUrl: "gwen.example.org" }, "authorUrl", "Give a web address that starts with http:// or https://, or leave it empty."],
    ["an address past 2,000 characters", { authorUrl: `https://example.org/${"a".repeat(1990)}` }, "authorUrl", "Keep the web address to 2,000 characters."],
    ["an email that is not one", { authorEmail: "gwen-at-example.org" }, "authorEmail", "Enter a valid email address."],
    ["“Notify me” ticked without an email", { authorEmail: "", notify: "on" }, "authorEmail", "Give your email to be told of new comments, or untick “Notify me”."],
    ["an empty comment", { body: "  \n " }, "body", "Write your comment first."],
  ] as const)("%s", async (_case, change, field, message) => {
    const sent = { ...typed, ...change };
    const { state, expiredTags } = await send(sent);
    expect(state).toMatchObject({ ok: false, message: "Please correct the fields below.", body: sent.body, values: typedValues(sent) });
    expect(state.errors?.[field]).toEqual([message]);
    expect(expiredTags).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  test("the blog takes accounts' comments only, or none: said plainly", async () => {
    await policy("SIGNED_IN");
    expect((await send(typed)).state).toMatchObject({ ok: false, message: "This blog takes comments from signed-in readers only: sign in to comment.", body: typed.body, values: { authorName: "Gwen Guest" } });
    await policy("NOBODY");
    expect((await send(typed)).state).toMatchObject({ ok: false, message: "Comments are closed on this blog.", body: typed.body });
    expect(await stored()).toEqual([]);
  });

  test("the sixth comment in a minute from one address, whatever X-Forwarded-For it sends from outside any trusted proxy", async () => {
    for (let n = 1; n <= 5; n++) expect((await send({ body: `Comment ${n}`, authorName: `Guest ${n}` }, { forwardedFor: `10.99.0.${n}` })).state.ok).toBe(true);
    const { state } = await send({ body: "Comment 6", authorName: "Guest 6" }, { forwardedFor: "10.99.0.6" });
    expect(state).toMatchObject({ ok: false, body: "Comment 6", values: { authorName: "Guest 6" } });
    expect(state.message).toMatch(/^You are commenting too fast\. Try again in \d+ seconds?\.$/);
    expect(await stored()).toHaveLength(5);
    // Another address has its own limit.
    expect((await send({ body: "Comment 7" }, { from: freshAddress() })).state.ok).toBe(true);
  });
});

describe("idempotency and the honeypot", () => {
  test("a doubled or retried submission finds the comment it made; another name from the same address is another comment", async () => {
    const first = await send({});
    const again = await send({});
    expect(again.state).toEqual(first.state);
    expect(again.expiredTags).toEqual([]);
    expect(await stored()).toHaveLength(1);
    await send({ authorName: "Gwen's Flatmate" });
    expect((await stored()).map((comment) => comment.authorName)).toEqual(["Gwen Guest", "Gwen's Flatmate"]);
    // The same words from another address are another guest's.
    await send({}, { from: freshAddress() });
    expect(await stored()).toHaveLength(3);
  });

  test("a filled-in honeypot stores nothing and tells the bot nothing", async () => {
    const { state, expiredTags } = await send({ website: "https://spam.example/" });
    expect(state).toEqual({ ok: true, landAt: "comments" });
    expect(expiredTags).toEqual([]);
    expect(await stored()).toEqual([]);
  });
});

test("the comment policy setting takes ANYONE beside SIGNED_IN and NOBODY, and nothing else", () => {
  const parse = (commentPermission: string) => blogSettingsSchema.shape.commentPermission.safeParse(commentPermission).success;
  expect(["SIGNED_IN", "ANYONE", "NOBODY", "EVERYONE", "anyone"].map(parse)).toEqual([true, true, true, false, false]);
});

describe("the refused comment a guest without JavaScript takes to the comment page", () => {
  /** What the comment page reads back from a request carrying `cookie`. */
  async function readBack(cookie: string) {
    const request = nextRequest(new URL("/comment", BLOG_URL), { headers: new Headers({ cookie }) });
    const { outcome } = await inNextRequest({ page: "/comment/page", request }, () => refusedFlash.refusedComment());
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  }
  const asCookies = (packed: string) =>
    Array.from({ length: Math.ceil(packed.length / 3800) }, (_, index) => `comment-not-posted-${index}=${packed.slice(index * 3800, (index + 1) * 3800)}`).join("; ");

  test("comes back whole, a 4,096-character text of hard-to-pack characters included", async () => {
    const state = { ok: false as const, message: "Give your name.", body: "\u0416\u6f22\u{1f33f}".repeat(1024).slice(0, 4096), values: { authorName: "", authorUrl: "https://gwen.example.org/" } };
    const packed = deflateRawSync(JSON.stringify(state)).toString("base64url");
    expect(await readBack(asCookies(packed))).toEqual(state);
  });

  test("is ignored when the cookies inflate to more than a refused comment can be, instead of filling memory", async () => {
    const bomb = deflateRawSync(JSON.stringify({ ok: false, body: "a".repeat(15_000_000) })).toString("base64url");
    expect(bomb.length).toBeLessThan(6 * 3800);
    expect(await readBack(asCookies(bomb))).toBeUndefined();
  });
});
