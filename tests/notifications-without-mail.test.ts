import { beforeAll, expect, test } from "vitest";
import { BLOG_URL, makeAccount, makeComment, makePost } from "./authorization-matrix-fixtures";
import { withMigratedDatabase } from "./support/databases";
import { asUser, SECRET } from "./support/notifications";

// A blog without SMTP_URL: nothing could send a notice, so none is queued and the worker idles.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: BLOG_URL, NEXTAUTH_SECRET: SECRET });
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
  db = (await import("../lib/db")).db;
});

test("without SMTP a comment, even with “Notify me”, queues no mail, and the worker sends nothing", async () => {
  const { createComment } = await import("../lib/comments/create");
  const { sendDueNotices } = await import("../lib/notifications/queue");
  const author = await makeAccount("AUTHOR");
  const post = await makePost(author, "published");
  const reader = await makeAccount("READER");
  await createComment({ user: asUser(reader), postId: post.postId, body: "Hello.", formKey: "no-mail", honeypot: "", notify: true, now: new Date() });
  expect(await db.mailNotice.count()).toBe(0);

  // A notice queued while SMTP was set stays as it is until it is set again.
  const commentId = await makeComment(post.postId, reader);
  await db.mailNotice.create({ data: { commentId, to: author.email, subject: "Queued before", text: "…" } });
  expect(await sendDueNotices(new Date(Date.now() + 60_000))).toEqual({ sent: 0, failed: 0 });
  expect(await db.mailNotice.findFirst({ where: { commentId } })).toMatchObject({ attempts: 0, sentAt: null, gaveUpAt: null });
});
