import { randomBytes } from "node:crypto";
import type { Session } from "next-auth";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { linkIn, startMailCapture, waitForMail, type MailCapture } from "../e2e/support/mail-capture";
import { withMigratedDatabase } from "./support/databases";
import { sessionTokenFor } from "./support/session-cookie";

// Revocable sessions: a session token carries the version it was issued with, and every place
// that turns a token into a user refuses it once the account's version has moved on.
const database = withMigratedDatabase();
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
let mail: MailCapture;
let db: typeof import("../lib/db").db;
let lib: {
  session: typeof import("../lib/session");
  options: typeof import("../lib/auth/options");
  gate: typeof import("../lib/dashboard/gate");
  accounts: typeof import("../lib/accounts");
  reset: typeof import("../lib/password-reset");
  users: typeof import("../lib/users/manage");
};

beforeAll(async () => {
  mail = await startMailCapture();
  process.env.MAIL_DIR = mail.dir;
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: "http://blog.example.test", NEXTAUTH_SECRET: SECRET, SMTP_URL: mail.smtpUrl, EMAIL_FROM: "blog@example.test" });
  db = (await import("../lib/db")).db;
  lib = {
    session: await import("../lib/session"),
    options: await import("../lib/auth/options"),
    gate: await import("../lib/dashboard/gate"),
    accounts: await import("../lib/accounts"),
    reset: await import("../lib/password-reset"),
    users: await import("../lib/users/manage"),
  };
});
afterAll(() => mail?.stop());

const unique = () => randomBytes(5).toString("hex");

async function makeAuthor(password?: string) {
  const id = `u-${unique()}`;
  const email = `${id}@example.test`;
  await db.user.create({ data: { id, name: `Author ${id}`, email, role: "AUTHOR" } });
  if (password) await lib.accounts.changePassword(id, "", password);
  return { id, email };
}

/** A session cookie exactly as next-auth issues one at sign-in, through our jwt callback. */
const signIn = (userId: string) => sessionTokenFor(userId, SECRET);

/** What the dashboard gate (the check before every dashboard page) makes of a copied cookie. */
async function gateLetsIn(sessionToken: string): Promise<boolean> {
  const request = new NextRequest("http://blog.example.test/dashboard", { headers: { cookie: `next-auth.session-token=${sessionToken}` } });
  const response = await lib.gate.dashboardGate(request);
  return response.status === 200;
}

/** What lib/session.ts makes of the token, through next-auth's session callback as getCurrentUser sees it. */
async function sessionUser(sessionToken: string) {
  const { decode } = await import("next-auth/jwt");
  const token = (await decode({ token: sessionToken, secret: SECRET }))!;
  const sessionCallback = lib.options.authOptions().callbacks!.session!;
  const session = (await sessionCallback({ session: { user: {}, expires: "" }, token } as Parameters<typeof sessionCallback>[0])) as Session;
  return lib.session.findActiveUser({ userId: session.user!.id, sessionVersion: session.sessionVersion });
}

async function expectEnded(oldToken: string, userId: string) {
  expect(await gateLetsIn(oldToken)).toBe(false);
  expect(await sessionUser(oldToken)).toBeNull();
  // A new sign-in works again.
  const fresh = await signIn(userId);
  expect(await gateLetsIn(fresh)).toBe(true);
  expect(await sessionUser(fresh)).toMatchObject({ id: userId });
}

describe("a copied session token", () => {
  test("works until its sessions are ended", async () => {
    const author = await makeAuthor();
    const token = await signIn(author.id);
    expect(await gateLetsIn(token)).toBe(true);
    expect(await sessionUser(token)).toMatchObject({ id: author.id });
  });

  test("stops working after sign-out, which ends every session of the account (sign out everywhere)", async () => {
    const author = await makeAuthor();
    const onThisDevice = await signIn(author.id);
    const onAnother = await signIn(author.id);
    await lib.session.endAllSessions(author.id);
    await expectEnded(onThisDevice, author.id);
    expect(await gateLetsIn(onAnother)).toBe(false);
  });

  test("stops working after a password change", async () => {
    const author = await makeAuthor("the first password");
    const token = await signIn(author.id);
    expect(await lib.accounts.changePassword(author.id, "the first password", "the second password")).toBe("changed");
    await expectEnded(token, author.id);
  });

  test("stops working after a password reset", async () => {
    const author = await makeAuthor("a forgotten password");
    const token = await signIn(author.id);
    expect(await lib.reset.requestPasswordReset(author.email, "192.0.2.10")).toEqual({ allowed: true });
    const link = new URL(linkIn(await waitForMail(author.email, { subject: "Reset your password" }), "http://blog.example.test"));
    expect(await lib.reset.resetPassword(link.searchParams.get("token")!, "a remembered password")).toBe(true);
    await expectEnded(token, author.id);
  });

  test("is not revived when a disabled account is enabled again", async () => {
    const admin = await db.user.create({ data: { id: `a-${unique()}`, name: "Admin", email: `a-${unique()}@example.test`, role: "ADMIN" } });
    const author = await makeAuthor();
    const token = await signIn(author.id);
    const actor = { id: admin.id, name: admin.name, email: admin.email, role: "ADMIN" as const };
    await lib.users.setUserDisabled({ actor, userId: author.id, disabled: true, now: new Date() });
    expect(await gateLetsIn(token)).toBe(false);
    await lib.users.setUserDisabled({ actor, userId: author.id, disabled: false, now: new Date() });
    await expectEnded(token, author.id);
  });

  test("issued before session versions existed counts as ended", async () => {
    const author = await makeAuthor();
    expect(await gateLetsIn(await encode({ token: { sub: author.id }, secret: SECRET }))).toBe(false);
  });
});
