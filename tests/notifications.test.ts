import { beforeEach, describe, expect, test } from "vitest";
import { BLOG_URL, makeAccount, makePost, type Account, type PostRef } from "./authorization-matrix-fixtures";
import { asUser, mailTo, withNoticeWorld } from "./support/notifications";

// Who is told what of a comment, by mail that really goes through an SMTP server.
const world = withNoticeWorld();

const settings = (commentPermission: "SIGNED_IN" | "ANYONE") =>
  world.db.setting.upsert({ where: { id: 1 }, create: { blogTitle: "Test blog", commentPermission, commentModeration: "NEVER" }, update: { commentPermission, commentModeration: "NEVER" } });

let author: Account;
let post: PostRef;
let title: string;
let lastAddress = 0;

beforeEach(async () => {
  await settings("ANYONE");
  await world.db.mailNotice.deleteMany();
  author = await makeAccount("AUTHOR");
  post = await makePost(author, "published");
  title = (await world.db.post.findUniqueOrThrow({ where: { id: post.postId }, select: { title: true } })).title;
});

let formKeys = 0;
/** A comment on the test's post, by an account or a guest (held for moderation), ticking "Notify me" or not. */
async function comment(by: Account | { guest: string; email?: string }, { notify = false, parentId, body = "What a read." }: { notify?: boolean; parentId?: string; body?: string } = {}) {
  const writer =
    "guest" in by ? { guest: { name: by.guest, email: by.email, address: `10.88.0.${++lastAddress}` } } : { user: asUser(by, by.id === author.id ? "AUTHOR" : "READER") };
  const created = await world.createComment({ ...writer, postId: post.postId, parentId, body, formKey: `form-${++formKeys}`, honeypot: "", notify, now: new Date() });
  return created.id!;
}

const deliver = () => world.queue.sendDueNotices(new Date());
const approve = (commentId: string) => world.moderateComment({ user: asUser(author, "AUTHOR"), commentId, decision: "approve" });
const inbox = (address: string) => mailTo(world.mail, address);

describe("the post's author", () => {
  test("is told of a new comment with a link to it, and not of their own", async () => {
    const reader = await makeAccount("READER");
    const id = await comment(reader, { body: "Loved the part about the harbour." });
    await comment(author, { body: "Thank you!" });
    await deliver();

    const mails = await inbox(author.email);
    expect(mails.map((mail) => mail.subject)).toEqual([`New comment on “${title}”`]);
    expect(mails[0]!.text).toContain("Loved the part about the harbour.");
    expect(mails[0]!.text).toContain(`${BLOG_URL}${post.permalink}#c${id}`);
    expect(await inbox(reader.email)).toEqual([]);
  });

  test("is told at once of a comment held for moderation, with the queue's link, and not again when it is approved", async () => {
    const id = await comment({ guest: "Gwen Guest" }, { body: "Is this held?" });
    await deliver();
    const [held, ...more] = await inbox(author.email);
    expect(more).toEqual([]);
    expect(held!.subject).toBe(`A comment on “${title}” awaits moderation`);
    expect(held!.text).toContain(`${BLOG_URL}/dashboard/comments`);
    expect(held!.text).toContain("Is this held?");

    await approve(id);
    await deliver();
    expect(await inbox(author.email)).toHaveLength(1);
  });

  test("who turned notices off on their profile is told nothing", async () => {
    const { commentNoticesSchema } = await import("../lib/validation/accounts");
    const { setCommentNotices } = await import("../lib/notifications/author-setting");
    // The profile's box: ticked sends "on", unticked sends nothing at all.
    expect(commentNoticesSchema.parse({ commentNotices: "on" })).toEqual({ commentNotices: true });
    expect(commentNoticesSchema.parse({})).toEqual({ commentNotices: false });
    await setCommentNotices(author.id, false);
    await comment(await makeAccount("READER"));
    await comment({ guest: "Gwen Guest" });
    await deliver();
    expect(await inbox(author.email)).toEqual([]);
  });
});

describe("a commenter who ticked “Notify me”", () => {
  test("is told of new comments on the post, never of their own, each message with a signed unsubscribe link and one-click headers", async () => {
    const subscriber = await makeAccount("READER");
    await comment(subscriber, { notify: true, body: "First!" });
    await comment(subscriber, { body: "And a second thought." });
    const other = await makeAccount("READER");
    const id = await comment(other, { body: "Me too." });
    await deliver();

    const mails = await inbox(subscriber.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe(`New comment on “${title}”`);
    expect(mail!.text).toContain(`${BLOG_URL}${post.permalink}#c${id}`);
    const subscription = await world.db.commentSubscription.findFirstOrThrow({ where: { postId: post.postId, email: subscriber.email } });
    const token = world.unsubscribe.unsubscribeToken(subscription.id);
    expect(mail!.text).toContain(`${BLOG_URL}/unsubscribe?token=${token}`);
    expect(mail!.listUnsubscribe).toBe(`<${BLOG_URL}/api/unsubscribe?token=${token}>`);
    expect(mail!.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
  });

  test("as a guest who gave an email, hears of a reply to their comment, once it is approved", async () => {
    const guestComment = await comment({ guest: "Gwen Guest", email: "Gwen@Example.test" }, { notify: true });
    await approve(guestComment);
    const reader = await makeAccount("READER");
    await comment(reader, { parentId: guestComment, body: "Welcome, Gwen." });
    await deliver();
    const mails = await inbox("gwen@example.test");
    expect(mails.map((mail) => mail.subject)).toEqual([`${reader.name} replied to your comment on “${title}”`]);
    expect(mails[0]!.text).toContain("Welcome, Gwen.");
  });

  test("hears of a held comment only once it is approved, and only once however often it is approved", async () => {
    const subscriber = await makeAccount("READER");
    await comment(subscriber, { notify: true });
    const held = await comment({ guest: "Gwen Guest" }, { body: "Held at first." });
    await deliver();
    expect(await inbox(subscriber.email)).toEqual([]);

    await approve(held);
    await world.moderateComment({ user: asUser(author, "AUTHOR"), commentId: held, decision: "hide" });
    await approve(held);
    await deliver();
    const mails = await inbox(subscriber.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Held at first.");
  });

  test("as a guest, counts only once a moderator approves their comment: an address typed into a spam comment is never mailed", async () => {
    const spam = await comment({ guest: "Spammer", email: "victim@example.test" }, { notify: true });
    await comment(await makeAccount("READER"), { body: "A comment while the spam waits." });
    await world.moderateComment({ user: asUser(author, "AUTHOR"), commentId: spam, decision: "spam" });
    await comment(await makeAccount("READER"), { body: "Another after it is marked as spam." });
    await deliver();
    expect(await inbox("victim@example.test")).toEqual([]);
  });

  test("who is the post's author too is told once of each comment", async () => {
    await comment(author, { notify: true });
    await comment(await makeAccount("READER"));
    await deliver();
    expect(await inbox(author.email)).toHaveLength(1);
  });
});

describe("unsubscribing", () => {
  async function subscribed() {
    const subscriber = await makeAccount("READER");
    await comment(subscriber, { notify: true });
    const subscription = await world.db.commentSubscription.findFirstOrThrow({ where: { postId: post.postId, email: subscriber.email } });
    return { subscriber, token: world.unsubscribe.unsubscribeToken(subscription.id) };
  }

  test("with the link's token stops the mail, and a second time says it had already stopped", async () => {
    const { subscriber, token } = await subscribed();
    expect(await world.unsubscribe.unsubscribe(token, new Date())).toBe("unsubscribed");
    expect(await world.unsubscribe.unsubscribe(token, new Date())).toBe("already");
    await comment(await makeAccount("READER"));
    await deliver();
    expect(await inbox(subscriber.email)).toEqual([]);
  });

  test("refuses a token whose signature is not the server's, and the mail goes on", async () => {
    const { subscriber, token } = await subscribed();
    const [id] = token.split(".");
    const forged = `${id}.${Buffer.alloc(32, 7).toString("base64url")}`;
    expect(await world.unsubscribe.unsubscribe(forged, new Date())).toBe("invalid");
    expect(await world.unsubscribe.unsubscribe(`${id}`, new Date())).toBe("invalid");
    await comment(await makeAccount("READER"));
    await deliver();
    expect(await inbox(subscriber.email)).toHaveLength(1);
  });

  test("through the endpoint: a mail client's one-click POST, and the page's button sent back to the page with what happened", async () => {
    const { POST } = await import("../app/api/unsubscribe/route");
    const { subscriber, token } = await subscribed();
    await comment(await makeAccount("READER"));
    await deliver();
    const [mail] = await inbox(subscriber.email);
    const endpoint = mail!.listUnsubscribe!.slice(1, -1);
    const oneClick = (address: string) =>
      POST(new Request(address, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));

    const first = await oneClick(endpoint);
    expect(first.status).toBe(200);
    // Every character of the signature counts, the last one's spare bits included.
    for (const tampered of [endpoint.replace(/.$/, (last) => (last === "A" ? "B" : "A")), endpoint.replace(/(token=\w+\.)(.)/, (_, id, first) => `${id}${first === "A" ? "B" : "A"}`)]) {
      expect(await oneClick(tampered)).toHaveProperty("status", 400);
    }

    const button = await POST(new Request(endpoint, { method: "POST" }));
    expect(button.status).toBe(303);
    expect(button.headers.get("location")).toBe(`/unsubscribe?token=${token}&outcome=already`);
    await comment(await makeAccount("READER"));
    await deliver();
    expect(await inbox(subscriber.email)).toHaveLength(1);
  });
});
