import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startMailCapture, type CapturedMail, type MailCapture } from "../../e2e/support/mail-capture";
import { BLOG_URL, type Account } from "../authorization-matrix-fixtures";
import { withMigratedDatabase } from "./databases";

// Comment notices against PostgreSQL and a real SMTP server on loopback, which turns mail away
// while `mailServer.refusing` is set.
export const SECRET = "a-test-secret-of-at-least-thirty-two-characters";

export interface NoticeWorld {
  db: typeof import("../../lib/db").db;
  createComment: typeof import("../../lib/comments/create").createComment;
  moderateComment: typeof import("../../lib/comments/moderate").moderateComment;
  queue: typeof import("../../lib/notifications/queue");
  unsubscribe: typeof import("../../lib/notifications/unsubscribe");
  mail: MailCapture;
}

export const mailServer = { refusing: false };

/** Sets up the database, the mail server and the modules under test for one test file. */
export function withNoticeWorld(): NoticeWorld {
  const database = withMigratedDatabase();
  const world = {} as NoticeWorld;
  beforeAll(async () => {
    world.mail = await startMailCapture({ refusing: () => mailServer.refusing });
    Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: BLOG_URL, NEXTAUTH_SECRET: SECRET, SMTP_URL: world.mail.smtpUrl, EMAIL_FROM: "blog@example.test" });
    world.db = (await import("../../lib/db")).db;
    world.createComment = (await import("../../lib/comments/create")).createComment;
    world.moderateComment = (await import("../../lib/comments/moderate")).moderateComment;
    world.queue = await import("../../lib/notifications/queue");
    world.unsubscribe = await import("../../lib/notifications/unsubscribe");
  });
  afterAll(() => world.mail?.stop());
  return world;
}

/** Every message the mail server has taken for this address, oldest first. */
export async function mailTo(capture: MailCapture, address: string): Promise<CapturedMail[]> {
  const files = (await readdir(capture.dir)).filter((file) => file.endsWith(".json")).sort();
  const mails = await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(capture.dir, file), "utf8")) as CapturedMail));
  return mails.filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** An account as the session hands it to the comment functions. */
export const asUser = (account: Account, role: "READER" | "AUTHOR" | "ADMIN" = "READER") => ({ ...account, role });
