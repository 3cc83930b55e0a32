import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { withMigratedDatabase } from "./support/databases";

// The comment rules, through the domain functions the server actions call, against PostgreSQL.
// Each test makes its own users and post; the blog's Setting row is reset before each.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let comments: {
  create: typeof import("../lib/comments/create");
  edit: typeof import("../lib/comments/edit");
  remove: typeof import("../lib/comments/remove");
  moderate: typeof import("../lib/comments/moderate");
  viewer: typeof import("../lib/comments/viewer");
  errors: typeof import("../lib/errors");
};
let postPage: typeof import("../lib/queries/post-page");
let postLists: typeof import("../lib/queries/post-lists");
let validation: typeof import("../lib/validation/comments");
let html: typeof import("../lib/html");

beforeAll(async () => {
  process.env.DATABASE_URL = database.url;
  db = (await import("../lib/db")).db;
  comments = {
    create: await import("../lib/comments/create"),
    edit: await import("../lib/comments/edit"),
    remove: await import("../lib/comments/remove"),
    moderate: await import("../lib/comments/moderate"),
    viewer: await import("../lib/comments/viewer"),
    errors: await import("../lib/errors"),
  };
  postPage = await import("../lib/queries/post-page");
  postLists = await import("../lib/queries/post-lists");
  validation = await import("../lib/validation/comments");
  html = await import("../lib/html");
});

beforeEach(async () => {
  const policy = { commentPermission: "SIGNED_IN", commentModeration: "NEVER", moderateAfterDays: 14 } as const;
  await db.setting.upsert({ where: { id: 1 }, create: { blogTitle: "Test blog", ...policy }, update: policy });
});

type Role = "READER" | "AUTHOR" | "ADMIN";
const unique = () => randomBytes(5).toString("hex");

async function makeUser(role: Role = "READER", name = "Reader") {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name, email: `${id}@example.test`, role } });
  return { id, name, email: `${id}@example.test`, role: role as Role };
}

type TestUser = Awaited<ReturnType<typeof makeUser>>;

async function makePost({ author, publishedAt = new Date(now.getTime() - 3_600_000), status = "PUBLISHED", commentsOpen = true }: { author?: TestUser; publishedAt?: Date; status?: "PUBLISHED" | "DRAFT"; commentsOpen?: boolean } = {}) {
  const owner = author ?? (await makeUser("AUTHOR", "Author"));
  const slug = `p-${unique()}`;
  const post = await db.post.create({
    data: { title: slug, slug, permalink: `/2020/01/${slug}`, bodyHtml: "<p>Body</p>", status, publishedAt, commentsOpen, authorId: owner.id },
  });
  return { ...post, author: owner };
}

const now = new Date();
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let submissions = 0;

/** One fresh submission of the comment form (a new form key each time, unless given). */
function post(user: TestUser, postId: string, options: { body?: string; parentId?: string; formKey?: string; honeypot?: string; at?: Date } = {}) {
  return comments.create.createComment({
    user,
    postId,
    parentId: options.parentId,
    body: options.body ?? `Comment ${++submissions}`,
    formKey: options.formKey ?? `form-${unique()}`,
    honeypot: options.honeypot ?? "",
    now: options.at ?? new Date(),
  });
}

const statusOf = async (id: string | null) => (await db.comment.findUniqueOrThrow({ where: { id: id! } })).status;
const countFor = (postId: string) => db.comment.count({ where: { postId } });

async function expectRefused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(comments.errors.AppError);
  expect((error as { code: string }).code).toBe(code);
}

describe("validation and formatting", () => {
  test("a comment is 1 to 4,096 characters after trimming", () => {
    const parse = (body: string) => validation.newCommentSchema.safeParse({ postId: "p", body });
    expect(parse("").success).toBe(false);
    expect(parse(" \n\t ").success).toBe(false);
    expect(parse("x".repeat(4096)).success).toBe(true);
    expect(parse(`  ${"x".repeat(4096)}  `).data?.body).toHaveLength(4096);
    expect(parse("x".repeat(4097)).error?.issues[0]?.message).toBe("That comment is too long: keep it to 4,096 characters (this one has 4,097).");
    // The text box counts a line break once; the form sends it as \r\n.
    expect(parse("x\r\n".repeat(2048)).data?.body).toBe("x\n".repeat(2048).trim());
    expect(parse("Hi").data).toMatchObject({ body: "Hi", formKey: "", website: "" });
    expect(parse("Hi").data?.parentId).toBeUndefined();
  });

  test("plain text with paragraphs, clickable URLs and b, i and a; everything else shown as text", () => {
    expect(html.commentTextToHtml("One\ntwo\n\nThree")).toBe("<p>One<br />two</p><p>Three</p>");
    expect(html.commentTextToHtml("I <b>agree</b>, <i>mostly</i>: see https://example.com/a?b=1&c=2.")).toBe(
      '<p>I <b>agree</b>, <i>mostly</i>: see <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">https://example.com/a?b=1&amp;c=2</a>.</p>',
    );
    expect(html.commentTextToHtml('<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">x</a>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;<a rel="nofollow ugc noopener">x</a></p>',
    );
    expect(html.commentTextToHtml("<h1>Big</h1> 5 < 6")).toBe("<p>&lt;h1&gt;Big&lt;/h1&gt; 5 &lt; 6</p>");
  });

  test("the edit box gets back the text that was typed", () => {
    const typed = "One & two\nnext line\n\nSee https://example.com and <b>this</b>.";
    expect(html.commentHtmlToText(html.commentTextToHtml(typed))).toBe(typed);
  });
});

describe("posting", () => {
  test("a signed-in reader's comment is stored, sanitized and shown on the post", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const created = await post(reader, target.id, { body: "Lovely <script>x</script>" });
    expect(created).toMatchObject({ status: "VISIBLE", postId: target.id, permalink: target.permalink });
    const { thread, count } = await postPage.listPostComments({ postId: target.id });
    expect(count).toBe(1);
    expect(thread[0]).toMatchObject({ id: created.id, authorName: "Reader", bodyHtml: "<p>Lovely &lt;script&gt;x&lt;/script&gt;</p>" });
  });

  test("only on a published, visible post with comments open, and only while the blog takes comments", async () => {
    const reader = await makeUser();
    await expectRefused(post(reader, (await makePost({ status: "DRAFT" })).id), "NOT_FOUND");
    await expectRefused(post(reader, (await makePost({ publishedAt: minutesLater(60) })).id), "NOT_FOUND");
    await expectRefused(post(reader, (await makePost({ commentsOpen: false })).id), "CLOSED");
    await db.setting.update({ where: { id: 1 }, data: { commentPermission: "NOBODY" } });
    await expectRefused(post(reader, (await makePost()).id), "CLOSED");
    expect(await db.comment.count({ where: { userId: reader.id } })).toBe(0);
  });

  test("a filled-in honeypot looks accepted and stores nothing", async () => {
    const bot = await makeUser();
    const target = await makePost();
    expect(await post(bot, target.id, { honeypot: "http://spam.example" })).toMatchObject({ id: null });
    expect(await countFor(target.id)).toBe(0);
  });
});

describe("moderation policy", () => {
  const setModeration = (commentModeration: "NEVER" | "ALWAYS" | "OLDER_POSTS" | "FIRST_COMMENT", moderateAfterDays = 14) =>
    db.setting.update({ where: { id: 1 }, data: { commentModeration, moderateAfterDays } });

  test("NEVER shows comments at once; ALWAYS holds every reader's comment", async () => {
    const reader = await makeUser();
    const target = await makePost();
    expect((await post(reader, target.id)).status).toBe("VISIBLE");
    await setModeration("ALWAYS");
    expect((await post(reader, target.id)).status).toBe("PENDING");
  });

  test("OLDER_POSTS holds comments on posts older than moderateAfterDays", async () => {
    await setModeration("OLDER_POSTS", 7);
    const reader = await makeUser();
    const old = await makePost({ publishedAt: new Date(now.getTime() - 8 * 86_400_000) });
    const recent = await makePost({ publishedAt: new Date(now.getTime() - 6 * 86_400_000) });
    expect((await post(reader, old.id)).status).toBe("PENDING");
    expect((await post(reader, recent.id)).status).toBe("VISIBLE");
  });

  test("FIRST_COMMENT holds a reader's comments until one of them has been approved", async () => {
    await setModeration("FIRST_COMMENT");
    const reader = await makeUser();
    const target = await makePost();
    const first = await post(reader, target.id);
    expect(first.status).toBe("PENDING");
    expect((await post(reader, target.id)).status).toBe("PENDING");
    await comments.moderate.moderateComment({ user: target.author, commentId: first.id!, decision: "approve" });
    expect((await post(reader, target.id)).status).toBe("VISIBLE");
  });

  test("the post's author and admins are never held for moderation", async () => {
    await setModeration("ALWAYS");
    const target = await makePost();
    expect((await post(target.author, target.id)).status).toBe("VISIBLE");
    expect((await post(await makeUser("ADMIN"), target.id)).status).toBe("VISIBLE");
    expect((await post(await makeUser("AUTHOR"), target.id)).status).toBe("PENDING");
  });

  test("more than 3 links send a comment to moderation, even when the blog moderates nothing", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`).join(" ");
    expect((await post(reader, target.id, { body: links(3) })).status).toBe("VISIBLE");
    expect((await post(reader, target.id, { body: links(4) })).status).toBe("PENDING");
    expect((await post(reader, target.id, { body: `${links(2)} <a href="https://a.example">a</a> <a href="https://b.example">b</a>` })).status).toBe("PENDING");
  });
});

describe("never lost, never doubled", () => {
  test("the same submission twice makes one comment, and the second answers with it", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const first = await post(reader, target.id, { body: "Once", formKey: "shell-key" });
    const again = await post(reader, target.id, { body: "Once", formKey: "shell-key" });
    expect(again.id).toBe(first.id);
    expect(await countFor(target.id)).toBe(1);
    // Only the write that stored it expires pages: a resubmitted form cannot flush the cache.
    expect(first.expire).toEqual([`post:${target.id}`, "comments"]);
    expect(again.expire).toEqual([]);
    expect((await post(reader, target.id, { honeypot: "http://spam.example" })).expire).toEqual([]);
  });

  test("concurrent identical submissions make one comment", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const results = await Promise.all(Array.from({ length: 6 }, () => post(reader, target.id, { body: "Double click", formKey: "shell-key" })));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await countFor(target.id)).toBe(1);
  });

  test("the cached form's shared key never merges different readers' or different comments", async () => {
    const [annie, tom] = [await makeUser(), await makeUser()];
    const target = await makePost();
    const parent = await post(annie, target.id, { body: "Parent" });
    await post(annie, target.id, { body: "Same words", formKey: "shell-key" });
    await post(tom, target.id, { body: "Same words", formKey: "shell-key" });
    await post(annie, target.id, { body: "Other words", formKey: "shell-key" });
    await post(annie, target.id, { body: "Same words", formKey: "shell-key", parentId: parent.id! });
    // After a reload the form carries a new key: the same words again are a new comment.
    await post(annie, target.id, { body: "Same words", formKey: "next-shell-key" });
    expect(await countFor(target.id)).toBe(6);
  });

  test("a retry does not count against the rate limit", async () => {
    const reader = await makeUser();
    const target = await makePost();
    for (let i = 0; i < 8; i++) await post(reader, target.id, { body: "Retry", formKey: "k", at: now });
    expect(await countFor(target.id)).toBe(1);
    await post(reader, target.id, { at: now });
  });
});

describe("rate limits", () => {
  test("at most 5 comments a minute per account", async () => {
    const [reader, other] = [await makeUser(), await makeUser()];
    const target = await makePost();
    for (let i = 0; i < 5; i++) await post(reader, target.id, { at: now });
    await expectRefused(post(reader, target.id, { at: new Date(now.getTime() + 30_000) }), "RATE_LIMITED");
    await post(other, target.id, { at: now });
    await post(reader, target.id, { at: minutesLater(1.1) });
    expect(await db.comment.count({ where: { userId: reader.id } })).toBe(6);
  });

  test("at most 50 comments a day per account", async () => {
    const reader = await makeUser();
    const target = await makePost();
    for (let i = 0; i < 50; i++) await post(reader, target.id, { at: minutesLater(i * 2) });
    await expectRefused(post(reader, target.id, { at: minutesLater(120) }), "RATE_LIMITED");
    expect(await db.comment.count({ where: { userId: reader.id } })).toBe(50);
  });

  test("at most 5 edits a minute per account, apart from new comments", async () => {
    const [reader, other] = [await makeUser(), await makeUser()];
    const target = await makePost();
    const created = await post(reader, target.id, { at: now });
    const edit = (body: string, at: Date, user = reader, commentId = created.id!) => comments.edit.editComment({ user, commentId, body, now: at });
    for (let i = 1; i <= 5; i++) await edit(`Edit ${i}`, now);
    await expectRefused(edit("Edit 6", new Date(now.getTime() + 30_000)), "RATE_LIMITED");
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.id! } })).bodyHtml).toBe("<p>Edit 5</p>");
    await post(reader, target.id, { at: now });
    const others = await post(other, target.id, { at: now });
    await edit("Their edit", now, other, others.id!);
    await edit("Edit 6", minutesLater(1.1));
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.id! } })).bodyHtml).toBe("<p>Edit 6</p>");
  });
});

describe("replies", () => {
  test("nest three deep; a reply to the deepest level becomes its sibling", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const level1 = await post(reader, target.id);
    const level2 = await post(reader, target.id, { parentId: level1.id! });
    const level3 = await post(reader, target.id, { parentId: level2.id! });
    const deeper = await post(reader, target.id, { parentId: level3.id! });
    expect((await db.comment.findUniqueOrThrow({ where: { id: deeper.id! } })).parentId).toBe(level2.id);
    const { thread } = await postPage.listPostComments({ postId: target.id });
    expect(thread[0]!.replies[0]!.replies.map((reply) => reply.id)).toEqual([level3.id, deeper.id]);
  });

  test("only to a shown comment of the same post", async () => {
    const reader = await makeUser();
    const [one, two] = [await makePost(), await makePost()];
    const elsewhere = await post(reader, two.id);
    await expectRefused(post(reader, one.id, { parentId: elsewhere.id! }), "NOT_FOUND");
    await db.setting.update({ where: { id: 1 }, data: { commentModeration: "ALWAYS" } });
    const pending = await post(reader, one.id);
    await expectRefused(post(reader, one.id, { parentId: pending.id! }), "NOT_FOUND");
  });
});

describe("editing and deleting", () => {
  test("the writer may edit for 15 minutes; the comment is then marked edited", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const created = await post(reader, target.id, { at: now });
    await comments.edit.editComment({ user: reader, commentId: created.id!, body: "Better <i>words</i>", now: minutesLater(14) });
    const row = await db.comment.findUniqueOrThrow({ where: { id: created.id! } });
    expect(row).toMatchObject({ bodyHtml: "<p>Better <i>words</i></p>", status: "VISIBLE" });
    expect(row.editedAt).toEqual(minutesLater(14));
    await expectRefused(comments.edit.editComment({ user: reader, commentId: created.id!, body: "Too late", now: minutesLater(16) }), "EDIT_WINDOW_OVER");
  });

  test("an edit that adds more than 3 links goes back to moderation", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const created = await post(reader, target.id);
    const result = await comments.edit.editComment({ user: reader, commentId: created.id!, body: "http://a.example http://b.example http://c.example http://d.example", now: new Date() });
    expect(result.status).toBe("PENDING");
  });

  test("an edit is refused where a new comment would be: comments closed on the post or on the blog", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const created = await post(reader, target.id, { body: "Before" });
    const edit = () => comments.edit.editComment({ user: reader, commentId: created.id!, body: "After", now: new Date() });
    await db.post.update({ where: { id: target.id }, data: { commentsOpen: false } });
    await expectRefused(edit(), "CLOSED");
    await db.post.update({ where: { id: target.id }, data: { commentsOpen: true } });
    await db.setting.update({ where: { id: 1 }, data: { commentPermission: "NOBODY" } });
    await expectRefused(edit(), "CLOSED");
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.id! } })).bodyHtml).toBe("<p>Before</p>");
  });

  test("under ALWAYS an edited approved comment waits for approval again, hidden from readers; the post's author and admins are not held", async () => {
    const reader = await makeUser();
    const admin = await makeUser("ADMIN");
    const target = await makePost();
    const [readers, authors, admins] = [await post(reader, target.id), await post(target.author, target.id), await post(admin, target.id)];
    await db.setting.update({ where: { id: 1 }, data: { commentModeration: "ALWAYS" } });
    const edit = (user: TestUser, commentId: string | null) => comments.edit.editComment({ user, commentId: commentId!, body: "Rewritten", now: new Date() });
    expect((await edit(reader, readers.id)).status).toBe("PENDING");
    expect((await edit(target.author, authors.id)).status).toBe("VISIBLE");
    expect((await edit(admin, admins.id)).status).toBe("VISIBLE");
    const { thread, count } = await postPage.listPostComments({ postId: target.id });
    expect(count).toBe(2);
    expect(thread.map((comment) => comment.id)).not.toContain(readers.id);
  });

  test("under OLDER_POSTS an edit on an older post waits for approval; on a recent one it stays shown", async () => {
    const reader = await makeUser();
    const old = await makePost({ publishedAt: new Date(now.getTime() - 8 * 86_400_000) });
    const recent = await makePost({ publishedAt: new Date(now.getTime() - 6 * 86_400_000) });
    const [onOld, onRecent] = [await post(reader, old.id), await post(reader, recent.id)];
    await db.setting.update({ where: { id: 1 }, data: { commentModeration: "OLDER_POSTS", moderateAfterDays: 7 } });
    const edit = (commentId: string | null) => comments.edit.editComment({ user: reader, commentId: commentId!, body: "Rewritten", now: new Date() });
    expect((await edit(onOld.id)).status).toBe("PENDING");
    expect((await edit(onRecent.id)).status).toBe("VISIBLE");
  });

  test("under FIRST_COMMENT an edit stays shown only for a writer with another approved comment", async () => {
    const [trusted, newcomer] = [await makeUser(), await makeUser()];
    const target = await makePost();
    const trustedComment = await post(trusted, target.id);
    await post(trusted, target.id);
    const newcomersOnly = await post(newcomer, target.id);
    await db.setting.update({ where: { id: 1 }, data: { commentModeration: "FIRST_COMMENT" } });
    expect((await comments.edit.editComment({ user: trusted, commentId: trustedComment.id!, body: "Rewritten", now: new Date() })).status).toBe("VISIBLE");
    // Its approval was for the words it had: the only approved comment does not vouch for new ones.
    expect((await comments.edit.editComment({ user: newcomer, commentId: newcomersOnly.id!, body: "Rewritten", now: new Date() })).status).toBe("PENDING");
  });

  test("an edit never approves: a held comment stays held whatever its new text", async () => {
    const reader = await makeUser();
    const target = await makePost();
    const held = await post(reader, target.id, { body: "http://a.example http://b.example http://c.example http://d.example" });
    expect(held.status).toBe("PENDING");
    expect((await comments.edit.editComment({ user: reader, commentId: held.id!, body: "No links now", now: new Date() })).status).toBe("PENDING");
  });

  test("nobody else may edit or delete a reader's comment, not even a moderator as the writer", async () => {
    const [writer, other] = [await makeUser(), await makeUser()];
    const target = await makePost();
    const created = await post(writer, target.id);
    await expectRefused(comments.edit.editComment({ user: other, commentId: created.id!, body: "Hijacked", now: new Date() }), "FORBIDDEN");
    await expectRefused(comments.edit.editComment({ user: target.author, commentId: created.id!, body: "Hijacked", now: new Date() }), "FORBIDDEN");
    await expectRefused(comments.remove.removeOwnComment({ user: other, commentId: created.id! }), "FORBIDDEN");
    expect(await statusOf(created.id)).toBe("VISIBLE");
  });

  test("a deleted comment with replies reads 'removed by the author'; without replies it is gone", async () => {
    const [writer, replier] = [await makeUser(), await makeUser()];
    const target = await makePost();
    const withReply = await post(writer, target.id, { body: "Has a reply" });
    await post(replier, target.id, { parentId: withReply.id!, body: "The reply" });
    const alone = await post(writer, target.id, { body: "Alone" });
    await comments.remove.removeOwnComment({ user: writer, commentId: withReply.id! });
    await comments.remove.removeOwnComment({ user: writer, commentId: alone.id! });
    const { thread, count } = await postPage.listPostComments({ postId: target.id });
    expect(count).toBe(1);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ id: withReply.id, removed: "author", bodyHtml: "" });
    expect(thread[0]!.replies[0]!.bodyHtml).toBe("<p>The reply</p>");
    expect((await db.comment.findUniqueOrThrow({ where: { id: withReply.id! } })).bodyHtml).toBe("");
  });
});

describe("moderators", () => {
  test("the post's author and admins approve, hide, mark spam and remove; a reader or another author cannot", async () => {
    const [writer, replier] = [await makeUser(), await makeUser()];
    const target = await makePost();
    const created = await post(writer, target.id);
    await post(replier, target.id, { parentId: created.id! });
    const decide = (user: typeof writer, decision: "approve" | "hide" | "spam" | "delete") =>
      comments.moderate.moderateComment({ user, commentId: created.id!, decision });
    await expectRefused(decide(writer, "hide"), "FORBIDDEN");
    await expectRefused(decide(await makeUser("AUTHOR"), "hide"), "FORBIDDEN");
    await decide(target.author, "hide");
    expect(await statusOf(created.id)).toBe("PENDING");
    await decide(await makeUser("ADMIN"), "approve");
    expect(await statusOf(created.id)).toBe("VISIBLE");
    await decide(target.author, "spam");
    expect(await statusOf(created.id)).toBe("SPAM");
    await decide(target.author, "approve");
    await decide(target.author, "delete");
    const { thread } = await postPage.listPostComments({ postId: target.id });
    expect(thread[0]).toMatchObject({ id: created.id, removed: "moderator" });
  });

  test("pending comments are seen by their writer and the moderators only", async () => {
    await db.setting.update({ where: { id: 1 }, data: { commentModeration: "ALWAYS" } });
    const [writer, stranger] = [await makeUser(), await makeUser()];
    const target = await makePost();
    const pending = await post(writer, target.id, { body: "Wait for me" });
    const seenBy = async (user: typeof writer) =>
      (await comments.viewer.getCommentViewer({ user, postId: target.id, now: new Date() }))!.pending.map((comment) => comment.id);
    expect(await seenBy(writer)).toEqual([pending.id]);
    expect(await seenBy(target.author)).toEqual([pending.id]);
    expect(await seenBy(await makeUser("ADMIN"))).toEqual([pending.id]);
    expect(await seenBy(stranger)).toEqual([]);
    expect((await postPage.listPostComments({ postId: target.id })).count).toBe(0);
    const view = await comments.viewer.getCommentViewer({ user: writer, postId: target.id, now: new Date() });
    expect(view).toMatchObject({ moderator: false, own: [{ id: pending.id, editable: true, text: "Wait for me" }] });
  });
});

describe("what a comment write expires", () => {
  test("its post's page and the comment feeds, never every post's page and list", async () => {
    const [reader, moderator] = [await makeUser(), await makeUser("ADMIN")];
    const target = await makePost();
    const touched = [`post:${target.id}`, "comments"];
    const created = await post(reader, target.id);
    expect(created.expire).toEqual(touched);
    expect((await comments.edit.editComment({ user: reader, commentId: created.id!, body: "Edited", now: new Date() })).expire).toEqual(touched);
    expect((await comments.moderate.moderateComment({ user: moderator, commentId: created.id!, decision: "hide" })).expire).toEqual(touched);
    const other = await makePost();
    const elsewhere = await post(reader, other.id);
    const queue = await comments.moderate.moderateComments({ user: moderator, commentIds: [created.id!, elsewhere.id!], decision: "approve" });
    expect(queue.expire.toSorted()).toEqual([`post:${target.id}`, `post:${other.id}`, "comments"].toSorted());
    expect((await comments.remove.removeOwnComment({ user: reader, commentId: created.id! })).expire).toEqual(touched);
  });
});

describe("comment counts on post lists", () => {
  test("count the shown comments as they come and go", async () => {
    const reader = await makeUser();
    const target = await makePost({ publishedAt: new Date() });
    const countOnHome = async () => {
      const list = await postLists.listVisiblePosts({ scope: { kind: "all" }, page: {}, limit: 50, now: new Date() });
      return list.posts.find((entry) => entry.id === target.id)!.commentCount;
    };
    const first = await post(reader, target.id);
    await post(reader, target.id);
    expect(await countOnHome()).toBe(2);
    await db.setting.update({ where: { id: 1 }, data: { commentModeration: "ALWAYS" } });
    const held = await post(reader, target.id);
    expect(await countOnHome()).toBe(2);
    await comments.moderate.moderateComment({ user: target.author, commentId: held.id!, decision: "approve" });
    expect(await countOnHome()).toBe(3);
    await comments.remove.removeOwnComment({ user: reader, commentId: first.id! });
    await comments.moderate.moderateComment({ user: target.author, commentId: held.id!, decision: "spam" });
    expect(await countOnHome()).toBe(1);
  });
});
