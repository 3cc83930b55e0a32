import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { makeAccount, makePost, makeComment, type Account, type PostRef } from "./authorization-matrix-fixtures";
import { asUser, mailServer, mailTo, withNoticeWorld } from "./support/notifications";

// The mail queue in PostgreSQL: written with the comment, worked by the server's own worker,
// against a real SMTP server that can be made to fail.
const world = withNoticeWorld();

let author: Account;
let post: PostRef;

beforeEach(async () => {
  await world.db.setting.upsert({ where: { id: 1 }, create: { blogTitle: "Test blog", commentModeration: "NEVER" }, update: { commentModeration: "NEVER" } });
  await world.db.mailNotice.deleteMany();
  author = await makeAccount("AUTHOR");
  post = await makePost(author, "published");
});
afterEach(() => {
  mailServer.refusing = false;
});

let formKeys = 0;
const comment = (reader: Account, now = new Date()) =>
  world.createComment({ user: asUser(reader), postId: post.postId, body: "A comment.", formKey: `queue-${++formKeys}`, honeypot: "", now });
const notices = () => world.db.mailNotice.findMany({ where: { comment: { postId: post.postId } }, orderBy: { createdAt: "asc" } });
const later = (start: Date, ms: number) => new Date(start.getTime() + ms);

describe("the mail queue", () => {
  test("gets a comment's notices in the comment's own transaction: a comment refused for its rate limit leaves none behind", async () => {
    const reader = await makeAccount("READER");
    const now = new Date();
    for (let made = 0; made < 5; made += 1) await comment(reader, now);
    expect(await notices()).toHaveLength(5);
    await expect(comment(reader, now)).rejects.toThrow(/too fast/);
    expect(await notices()).toHaveLength(5);
    expect(await world.db.comment.count({ where: { postId: post.postId } })).toBe(5);
  });

  test("keeps a notice the mail server turns away, retries it after doubling waits, and sends it once the server takes mail", async () => {
    const { FIRST_RETRY_MS, retryDelayMs, LONGEST_RETRY_MS } = world.queue;
    mailServer.refusing = true;
    await comment(await makeAccount("READER"));
    const start = new Date();
    expect(await world.queue.sendDueNotices(start)).toEqual({ sent: 0, failed: 1 });
    let [notice] = await notices();
    expect(notice).toMatchObject({ attempts: 1, sentAt: null, gaveUpAt: null, nextAttemptAt: later(start, FIRST_RETRY_MS) });
    expect(notice!.lastError).toMatch(/451/);

    // Not due yet: nothing is tried.
    expect(await world.queue.sendDueNotices(later(start, FIRST_RETRY_MS - 1000))).toEqual({ sent: 0, failed: 0 });
    const second = later(start, FIRST_RETRY_MS);
    expect(await world.queue.sendDueNotices(second)).toEqual({ sent: 0, failed: 1 });
    [notice] = await notices();
    expect(notice).toMatchObject({ attempts: 2, nextAttemptAt: later(second, 2 * FIRST_RETRY_MS) });
    expect(retryDelayMs(30)).toBe(LONGEST_RETRY_MS);

    mailServer.refusing = false;
    expect(await world.queue.sendDueNotices(later(second, 2 * FIRST_RETRY_MS))).toEqual({ sent: 1, failed: 0 });
    expect(await mailTo(world.mail, author.email)).toHaveLength(1);
    expect(await world.queue.sendDueNotices(later(second, LONGEST_RETRY_MS * 10))).toEqual({ sent: 0, failed: 0 });
  });

  test("gives a notice up after the last attempt, keeping the error", async () => {
    const { MAX_ATTEMPTS, retryDelayMs } = world.queue;
    mailServer.refusing = true;
    await comment(await makeAccount("READER"));
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await world.queue.sendDueNotices(now)).toEqual({ sent: 0, failed: 1 });
      now = later(now, retryDelayMs(attempt));
    }
    const [notice] = await notices();
    expect(notice).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null });
    expect(notice!.gaveUpAt).not.toBeNull();
    expect(notice!.lastError).toMatch(/Mailbox unavailable/);

    mailServer.refusing = false;
    expect(await world.queue.sendDueNotices(later(now, 365 * 24 * 3600_000))).toEqual({ sent: 0, failed: 0 });
    expect(await mailTo(world.mail, author.email)).toEqual([]);
  });

  test("names given-up notices for the admin with the server's answer; trying again sends them, discarding drops them", async () => {
    const givenUp = await import("../lib/notifications/given-up");
    mailServer.refusing = true;
    await comment(await makeAccount("READER"));
    await comment(await makeAccount("READER"));
    let now = new Date();
    for (let attempt = 1; attempt <= world.queue.MAX_ATTEMPTS; attempt += 1) {
      await world.queue.sendDueNotices(now);
      now = later(now, world.queue.retryDelayMs(attempt));
    }
    const listed = await givenUp.listGivenUpNotices();
    expect(listed.total).toBe(2);
    expect(listed.newest.map((notice) => [notice.to, notice.lastError])).toEqual([
      [author.email, expect.stringMatching(/Mailbox unavailable/)],
      [author.email, expect.stringMatching(/Mailbox unavailable/)],
    ]);

    mailServer.refusing = false;
    expect(await givenUp.retryGivenUpNotices(now)).toBe(2);
    expect((await givenUp.listGivenUpNotices()).total).toBe(0);
    expect(await world.queue.sendDueNotices(now)).toEqual({ sent: 2, failed: 0 });
    expect(await mailTo(world.mail, author.email)).toHaveLength(2);

    await world.db.mailNotice.updateMany({ data: { sentAt: null, gaveUpAt: now } });
    expect(await givenUp.discardGivenUpNotices()).toBe(2);
    expect(await notices()).toEqual([]);
  });

  test("sends each notice exactly once when two workers race for them", async () => {
    const commentId = await makeComment(post.postId, await makeAccount("READER"));
    const addresses = Array.from({ length: 50 }, (_, index) => `racer-${index}-${commentId}@example.test`);
    await world.db.mailNotice.createMany({ data: addresses.map((to) => ({ commentId, to, subject: "Race", text: "Once." })) });

    const now = new Date();
    let sent = 0;
    for (let round = 0; round < 3; round += 1) {
      const rounds = await Promise.all([world.queue.sendDueNotices(now), world.queue.sendDueNotices(now)]);
      sent += rounds.reduce((sum, { sent: count }) => sum + count, 0);
    }
    expect(sent).toBe(addresses.length);
    const received = await Promise.all(addresses.map(async (address) => (await mailTo(world.mail, address)).length));
    expect(received).toEqual(addresses.map(() => 1));
    expect(await world.db.mailNotice.count({ where: { commentId, sentAt: null } })).toBe(0);
  });

  test("leaves a notice claimed by a worker that died alone until its lease runs out, then sends it", async () => {
    const { CLAIM_LEASE_MS } = world.queue;
    const commentId = await makeComment(post.postId, await makeAccount("READER"));
    const to = `lease-${commentId}@example.test`;
    const now = new Date();
    // As a claim leaves it: tried once, pushed a lease ahead, never marked.
    await world.db.mailNotice.create({ data: { commentId, to, subject: "Lease", text: "Late.", attempts: 1, nextAttemptAt: later(now, CLAIM_LEASE_MS) } });
    expect(await world.queue.sendDueNotices(later(now, CLAIM_LEASE_MS - 1000))).toEqual({ sent: 0, failed: 0 });
    expect(await world.queue.sendDueNotices(later(now, CLAIM_LEASE_MS))).toEqual({ sent: 1, failed: 0 });
    expect(await mailTo(world.mail, to)).toHaveLength(1);
  });
});
