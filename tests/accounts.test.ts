import { createHash } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMailCapture, waitForMail, linkIn, type MailCapture } from "../e2e/support/mail-capture";
import { withMigratedDatabase } from "./support/databases";
import { runSql } from "./support/sql";

// The account functions behind the forms, against a real PostgreSQL and a real SMTP server.
const database = withMigratedDatabase();
let mail: MailCapture;
let lib: {
  accounts: typeof import("../lib/accounts");
  adapter: typeof import("../lib/auth/adapter");
  reset: typeof import("../lib/password-reset");
  providers: typeof import("../lib/auth/providers");
  messages: typeof import("../lib/auth/sign-in-messages");
  cookies: typeof import("../lib/auth/cookies");
  config: typeof import("../lib/config");
  rateLimit: typeof import("../lib/rate-limit");
  credentials: typeof import("../lib/auth/credentials");
  confirmation: typeof import("../lib/sign-up-confirmation");
};

beforeAll(async () => {
  mail = await startMailCapture();
  process.env.MAIL_DIR = mail.dir;
  // lib/config.ts reads the environment once, on first use.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    NEXTAUTH_URL: "http://blog.example.test",
    NEXTAUTH_SECRET: "a-test-secret-of-at-least-thirty-two-characters",
    SMTP_URL: mail.smtpUrl,
    EMAIL_FROM: "blog@example.test",
  });
  lib = {
    accounts: await import("../lib/accounts"),
    adapter: await import("../lib/auth/adapter"),
    reset: await import("../lib/password-reset"),
    providers: await import("../lib/auth/providers"),
    messages: await import("../lib/auth/sign-in-messages"),
    cookies: await import("../lib/auth/cookies"),
    config: await import("../lib/config"),
    rateLimit: await import("../lib/rate-limit"),
    credentials: await import("../lib/auth/credentials"),
    confirmation: await import("../lib/sign-up-confirmation"),
  };
});
afterAll(() => mail?.stop());

const userRow = async (email: string) =>
  (await runSql(database.url, `SELECT id, name, role, "passwordHash", "disabledAt" FROM "User" WHERE email = $1`, [email])).rows[0];

describe("signing up", () => {
  test("makes a READER with an argon2id hash, and refuses a second account for the same email", async () => {
    const first = await lib.accounts.registerAccount({ name: "Nell", email: "nell@example.test", password: "a good long password" });
    expect(first.created).toBe(true);
    const row = await userRow("nell@example.test");
    expect(row).toMatchObject({ name: "Nell", role: "READER" });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await lib.accounts.registerAccount({ name: "Nell again", email: "nell@example.test", password: "another long password" })).toEqual({
      created: false,
      reason: "email-taken",
    });
  });

  test("with a taken email, emails its owner, each warning counting toward a per-email limit", async () => {
    await lib.accounts.registerAccount({ name: "Taken", email: "taken@example.test", password: "the owner's password" });
    await lib.accounts.warnOwnerOfSignUp("taken@example.test");
    const warning = await waitForMail("taken@example.test", { subject: "Someone tried to sign up with your email" });
    expect(warning.text).toContain("No new account was made, and yours is unchanged.");
    expect(warning.text).toContain("http://blog.example.test/forgot-password");
    const { rows } = await runSql(database.url, `SELECT count(*)::int AS hits FROM "RateLimitHit" WHERE key = 'sign-up-warning-email:taken@example.test'`);
    expect(rows[0].hits).toBe(1);
  });
});

describe("confirming a sign-up by email", () => {
  const confirmation = { awaitingConfirmation: true };
  const signIn = (email: string, password: string, confirmationToken?: string) =>
    lib.credentials.authorizeWithPassword({ email, password, confirmationToken }, "192.0.2.50");
  async function mailedToken(email: string) {
    await lib.confirmation.sendSignUpConfirmation(email, "/2011/09");
    const link = new URL(linkIn(await waitForMail(email, { subject: "Finish signing up" }), "http://blog.example.test"));
    expect(link.pathname).toBe("/sign-in");
    expect(link.searchParams.get("email")).toBe(email);
    expect(link.searchParams.get("callbackUrl")).toBe("/2011/09");
    return link.searchParams.get("confirm")!;
  }

  test("until the link is used, the chosen password is refused like a wrong one; with it, it signs in once", async () => {
    expect(await lib.accounts.registerAccount({ name: "Una", email: "una@example.test", password: "una's chosen password" }, confirmation)).toEqual({
      created: false,
      reason: "awaiting-confirmation",
    });
    expect(await signIn("una@example.test", "una's chosen password")).toBeNull();
    expect(await signIn("una@example.test", "not her password")).toBeNull();

    const token = await mailedToken("una@example.test");
    const { rows } = await runSql(database.url, `SELECT token FROM "VerificationToken" WHERE identifier = 'sign-up:una@example.test'`);
    expect(rows).toEqual([{ token: createHash("sha256").update(token).digest("hex") }]);
    // The link alone is not enough, and a wrong password does not spend it.
    expect(await signIn("una@example.test", "not her password", token)).toBeNull();
    expect(await signIn("una@example.test", "una's chosen password", token)).toMatchObject({ email: "una@example.test", name: "Una" });
    expect(await signIn("una@example.test", "una's chosen password")).toMatchObject({ email: "una@example.test" });
    expect(await lib.confirmation.confirmSignUp("una@example.test", token)).toBe(false);
  });

  test("an expired link confirms nothing, and a second sign-up replaces the password and the link", async () => {
    await lib.accounts.registerAccount({ name: "Vic", email: "vic@example.test", password: "the first choice" }, confirmation);
    const older = await mailedToken("vic@example.test");
    expect(await lib.accounts.registerAccount({ name: "Vic Again", email: "vic@example.test", password: "the second choice" }, confirmation)).toEqual({
      created: false,
      reason: "awaiting-confirmation",
    });
    const newer = await mailedToken("vic@example.test");
    expect(await signIn("vic@example.test", "the second choice", older)).toBeNull();

    await runSql(database.url, `UPDATE "VerificationToken" SET expires = now() - interval '1 second' WHERE identifier = 'sign-up:vic@example.test'`);
    expect(await signIn("vic@example.test", "the second choice", newer)).toBeNull();
    expect(await signIn("vic@example.test", "the first choice", newer)).toBeNull();
    expect(await userRow("vic@example.test")).toMatchObject({ name: "Vic Again" });
  });

  test("a taken email keeps its account as it was, and its owner is warned", async () => {
    await lib.accounts.registerAccount({ name: "Wren", email: "wren@example.test", password: "wren's own password" });
    const before = await userRow("wren@example.test");
    expect(await lib.accounts.registerAccount({ name: "Mallory", email: "wren@example.test", password: "the attacker's choice" }, confirmation)).toEqual({
      created: false,
      reason: "email-taken",
    });
    expect(await userRow("wren@example.test")).toEqual(before);
    expect(await signIn("wren@example.test", "the attacker's choice")).toBeNull();
    await lib.accounts.warnOwnerOfSignUp("wren@example.test");
    expect((await waitForMail("wren@example.test", { subject: "Someone tried to sign up with your email" })).text).toContain("yours is unchanged");
    expect(await signIn("wren@example.test", "wren's own password")).toMatchObject({ name: "Wren" });
  });

  test("a password reset link proves the address too, and confirms the account", async () => {
    await lib.accounts.registerAccount({ name: "Xan", email: "xan@example.test", password: "a forgotten choice" }, confirmation);
    expect(await lib.reset.requestPasswordReset("xan@example.test", "192.0.2.51")).toEqual({ allowed: true });
    const token = new URL(linkIn(await waitForMail("xan@example.test", { subject: "Reset your password" }), "http://blog.example.test")).searchParams.get("token")!;
    expect(await lib.reset.resetPassword(token, "a remembered password")).toBe(true);
    expect(await signIn("xan@example.test", "a remembered password")).toMatchObject({ name: "Xan" });
  });
});

describe("changing the password", () => {
  test("needs the current password, except for an account that has none yet", async () => {
    await lib.accounts.registerAccount({ name: "Cal", email: "cal@example.test", password: "the first password" });
    const { id } = await userRow("cal@example.test");
    expect(await lib.accounts.changePassword(id, "not the password", "the second password")).toBe("wrong-current-password");
    expect(await lib.accounts.changePassword(id, "the first password", "the second password")).toBe("changed");
    expect(await lib.accounts.changePassword(id, "the first password", "a third password")).toBe("wrong-current-password");

    await runSql(database.url, `INSERT INTO "User" (id, name, email, "updatedAt") VALUES ('oauth-only', 'Oz', 'oz@example.test', now())`);
    expect(await lib.accounts.hasPassword("oauth-only")).toBe(false);
    expect(await lib.accounts.changePassword("oauth-only", "", "a first password")).toBe("changed");
    expect(await lib.accounts.hasPassword("oauth-only")).toBe(true);
  });

  test("is limited like sign-in: after ten checks even the right password waits out the window", async () => {
    await lib.accounts.registerAccount({ name: "Guess", email: "guess@example.test", password: "the real password" });
    const { id } = await userRow("guess@example.test");
    const start = new Date();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await lib.accounts.changePassword(id, `guess number ${attempt}`, "a new password here", start)).toBe("wrong-current-password");
    }
    const refused = await lib.accounts.changePassword(id, "the real password", "a new password here", new Date(start.getTime() + 60_000));
    expect(refused).toEqual({ rateLimited: true, retryAfterSeconds: expect.any(Number) });
    expect(typeof refused === "object" && refused.retryAfterSeconds).toBeGreaterThan(13 * 60);
    expect(typeof refused === "object" && lib.rateLimit.describeRetry(refused.retryAfterSeconds)).toBe("14 minutes");
    expect(await verify((await userRow("guess@example.test")).passwordHash, "the real password")).toBe(true);

    const afterWindow = new Date(start.getTime() + 15 * 60_000 + 1000);
    expect(await lib.accounts.changePassword(id, "the real password", "a new password here", afterWindow)).toBe("changed");
  });
});

describe("the sign-in limit", () => {
  // The seconds to wait when refused, or "allowed" with whoever signed in (null for a wrong password).
  const attempt = async (email: string, password: string, address: string, at: Date) => {
    try {
      return { allowed: await lib.credentials.authorizeWithPassword({ email, password }, address, at) };
    } catch (error) {
      const wait = /^RateLimited:(\d+)$/.exec(error instanceof Error ? error.message : "");
      if (!wait) throw error;
      return { waitSeconds: Number(wait[1]) };
    }
  };
  const later = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

  test("slows a guesser with a growing wait, while the owner still signs in from elsewhere", async () => {
    await lib.accounts.registerAccount({ name: "Owner", email: "owner@example.test", password: "the owner's password" });
    const start = new Date();
    for (let guess = 0; guess < 5; guess++) expect(await attempt("owner@example.test", `guess ${guess}`, "198.51.100.7", start)).toEqual({ allowed: null });
    const firstWait = await attempt("owner@example.test", "guess 5", "198.51.100.7", start);
    expect(firstWait.waitSeconds).toBeGreaterThan(0);
    expect(firstWait.waitSeconds).toBeLessThanOrEqual(60);

    for (let guess = 5; guess < 10; guess++) expect(await attempt("owner@example.test", `guess ${guess}`, "198.51.100.7", later(start, 61))).toEqual({ allowed: null });
    const secondWait = await attempt("owner@example.test", "the owner's password", "198.51.100.7", later(start, 62));
    expect(secondWait.waitSeconds).toBeGreaterThan(13 * 60);

    expect((await attempt("Owner@Example.test", "the owner's password", "203.0.113.5", later(start, 63))).allowed).toMatchObject({ email: "owner@example.test" });
  });

  test("has a higher ceiling per account across all addresses", async () => {
    const start = new Date();
    for (let address = 0; address < 100; address++) {
      expect(await attempt("spread@example.test", "a guess at it", `192.0.2.${address}`, start)).toEqual({ allowed: null });
    }
    expect((await attempt("spread@example.test", "a guess at it", "192.0.2.200", start)).waitSeconds).toBeGreaterThan(59 * 60);
    expect(await attempt("spread@example.test", "a guess at it", "192.0.2.201", later(start, 60 * 60 + 1))).toEqual({ allowed: null });
  });
});

describe("password reset links", () => {
  async function requestLink(email: string) {
    expect(await lib.reset.requestPasswordReset(email, "192.0.2.1")).toEqual({ allowed: true });
    return new URL(linkIn(await waitForMail(email, { subject: "Reset your password" }), "http://blog.example.test")).searchParams.get("token")!;
  }

  test("are stored only as a hash, last an hour, and work once", async () => {
    await lib.accounts.registerAccount({ name: "Ida", email: "ida@example.test", password: "forgotten password" });
    const token = await requestLink("ida@example.test");
    const { rows } = await runSql(database.url, `SELECT token, expires FROM "VerificationToken" WHERE identifier = 'password-reset:ida@example.test'`);
    expect(rows).toEqual([{ token: createHash("sha256").update(token).digest("hex"), expires: expect.any(Date) }]);
    const minutesLeft = (rows[0].expires.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(59);
    expect(minutesLeft).toBeLessThanOrEqual(60);

    expect(await lib.reset.emailForResetToken(token)).toBe("ida@example.test");
    expect(await lib.reset.resetPassword(token, "remembered password")).toBe(true);
    expect(await lib.reset.resetPassword(token, "someone else's password")).toBe(false);
    expect(await lib.reset.emailForResetToken(token)).toBeNull();
  });

  test("an expired link changes nothing, and a newer link replaces an older one", async () => {
    await lib.accounts.registerAccount({ name: "Eve", email: "eve@example.test", password: "the old password" });
    const before = (await userRow("eve@example.test")).passwordHash;
    const older = await requestLink("eve@example.test");
    await runSql(database.url, `DELETE FROM "RateLimitHit"`);
    const newer = await requestLink("eve@example.test");
    expect(newer).not.toBe(older);
    expect(await lib.reset.emailForResetToken(older)).toBeNull();

    await runSql(database.url, `UPDATE "VerificationToken" SET expires = now() - interval '1 second' WHERE identifier = 'password-reset:eve@example.test'`);
    expect(await lib.reset.resetPassword(newer, "too late a password")).toBe(false);
    expect((await userRow("eve@example.test")).passwordHash).toBe(before);
  });

  test("nobody is sent one for an unknown or disabled account, and asking is rate limited per email", async () => {
    await lib.accounts.registerAccount({ name: "Dee", email: "dee@example.test", password: "a disabled password" });
    await runSql(database.url, `UPDATE "User" SET "disabledAt" = now() WHERE email = 'dee@example.test'`);
    for (const email of ["dee@example.test", "ghost@example.test"]) {
      expect(await lib.reset.requestPasswordReset(email, "192.0.2.2")).toEqual({ allowed: true });
    }
    const { rows } = await runSql(database.url, `SELECT 1 FROM "VerificationToken" WHERE identifier IN ('password-reset:dee@example.test', 'password-reset:ghost@example.test')`);
    expect(rows).toHaveLength(0);
    await lib.reset.requestPasswordReset("ghost@example.test", "192.0.2.3");
    await lib.reset.requestPasswordReset("ghost@example.test", "192.0.2.4");
    expect(await lib.reset.requestPasswordReset("ghost@example.test", "192.0.2.5")).toMatchObject({ allowed: false });
  });
});

describe("accounts from GitHub, Google and email links", () => {
  test("get a name from the provider or the email, and keep only the account fields we store", async () => {
    const adapter = lib.adapter.longhandAdapter();
    const named = await adapter.createUser!({ name: "Octo Cat", email: "Octo@Example.test", emailVerified: null, image: null });
    expect(named).toMatchObject({ name: "Octo Cat", email: "octo@example.test" });
    const unnamed = await adapter.createUser!({ name: null, email: "link.reader@example.test", emailVerified: new Date(), image: null });
    expect(unnamed.name).toBe("link.reader");

    await adapter.linkAccount!({
      userId: named.id,
      type: "oauth",
      provider: "github",
      providerAccountId: "12345",
      access_token: "gho_x",
      token_type: "bearer",
      scope: "read:user,user:email",
      refresh_token_expires_in: 15897600,
    });
    const { rows } = await runSql(database.url, `SELECT provider, "providerAccountId", "userId" FROM "Account" WHERE "userId" = $1`, [named.id]);
    expect(rows).toEqual([{ provider: "github", providerAccountId: "12345", userId: named.id }]);
  });

  test("have buttons only for providers whose id and secret are set", () => {
    const base = lib.config.parseConfig({ DATABASE_URL: database.url });
    expect(lib.providers.oauthButtons(base)).toEqual([]);
    expect(lib.providers.emailConfigured(base)).toBe(false);
    const both = lib.config.parseConfig({ DATABASE_URL: database.url, GITHUB_ID: "id", GITHUB_SECRET: "secret", GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "secret" });
    expect(lib.providers.oauthButtons(both)).toEqual([
      { id: "github", label: "Sign in with GitHub" },
      { id: "google", label: "Sign in with Google" },
    ]);
  });
});

describe("the sign-in page's messages", () => {
  test("name only known failures, give the wait when rate limited, and never repeat other text", () => {
    expect(lib.messages.signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password");
    expect(lib.messages.signInErrorMessage("RateLimited:40")).toBe("Too many sign-in attempts. Try again in 40 seconds.");
    expect(lib.messages.signInErrorMessage("RateLimited:900")).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(lib.messages.signInErrorMessage("<b>Call 555-0100 to unlock</b>")).toBe("Signing in did not work. Please try again.");
    expect(lib.messages.signInErrorMessage("RateLimited:soon")).toBe("Signing in did not work. Please try again.");
    expect(lib.messages.signInErrorMessage(undefined)).toBeNull();
  });

  test("read next-auth's CSRF cookie only when this server made it", () => {
    const value = lib.cookies.newCsrfCookieValue();
    expect(lib.cookies.csrfTokenFromCookie(value)).toBe(value.split("|")[0]);
    expect(lib.cookies.csrfTokenFromCookie(`${"0".repeat(64)}|${value.split("|")[1]}`)).toBeNull();
    expect(lib.cookies.csrfTokenFromCookie(undefined)).toBeNull();
  });
});
