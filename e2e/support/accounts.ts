import { randomBytes, randomInt } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { TAG_EXPIRY_CHANNEL } from "../../lib/tag-bus.mjs";
import { runSql } from "../../tests/support/sql";

export interface TestAccount {
  id: string;
  name: string;
  email: string;
  password: string;
}

/**
 * A fresh account of its own for one test, straight into the blog's database, so specs can run in
 * parallel without sharing rate limits, comments or roles. Remove it with `deleteAccounts`.
 */
export async function createAccount({ name = "Test Reader", role = "READER" }: { name?: string; role?: Role } = {}): Promise<TestAccount> {
  const id = `acct-${randomBytes(6).toString("hex")}`;
  const account = { id, name, email: `${id}@example.test`, password: `pw-${randomBytes(9).toString("base64url")}` };
  await runSql(
    process.env.DATABASE_URL!,
    `INSERT INTO "User" (id, name, email, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", now())`,
    [account.id, account.name, account.email, await hash(account.password), role],
  );
  return account;
}

type Role = "READER" | "AUTHOR" | "ADMIN";

/**
 * Removes accounts with what they made: revisions, posts (their comments go with them), pages,
 * uploads and comments. Deleted in SQL, so the server is then told to expire what the app itself
 * would have on such a write (through its tag bus, lib/tag-bus.mjs): a post's page that showed
 * one of the comments must not go on showing it, or counting it, to specs that run later.
 */
export async function deleteAccounts(accounts: TestAccount[]) {
  const ids = accounts.map((account) => account.id);
  const touched = await runSql(
    process.env.DATABASE_URL!,
    `SELECT "postId" AS id FROM "Comment" WHERE "userId" = ANY($1) UNION SELECT id FROM "Post" WHERE "authorId" = ANY($1)`,
    [ids],
  );
  const made = [`"PostRevision" WHERE "authorId"`, `"Post" WHERE "authorId"`, `"Page" WHERE "authorId"`, `"Upload" WHERE "uploaderId"`, `"Comment" WHERE "userId"`];
  for (const table of [...made, `"User" WHERE id`]) {
    await runSql(process.env.DATABASE_URL!, `DELETE FROM ${table} = ANY($1)`, [ids]);
  }
  const postIds = touched.rows.map((row) => (row as { id: string }).id);
  if (postIds.length > 0) {
    const expiry = { from: "e2e-cleanup", tags: [...postIds.map((id) => `post:${id}`), "posts", "comments"] };
    await runSql(process.env.DATABASE_URL!, "SELECT pg_notify($1, $2)", [TAG_EXPIRY_CHANNEL, JSON.stringify(expiry)]);
  }
}

/**
 * The accounts a spec file's tests make: `make` creates one and remembers it, `all` lists them,
 * and `removeAll` (in afterEach) deletes them with what they made.
 */
export function trackedAccounts({ role: defaultRole = "READER", name: defaultName }: { role?: Role; name?: string } = {}) {
  let made: TestAccount[] = [];
  return {
    async make(role: Role = defaultRole, name = defaultName) {
      const account = await createAccount({ role, name });
      made.push(account);
      return account;
    },
    get all(): readonly TestAccount[] {
      return made;
    },
    async removeAll() {
      await deleteAccounts(made);
      made = [];
    },
  };
}

/**
 * A made-up client address, sent as X-Forwarded-For (the blog reads the nearest proxy's entry), so
 * each test gets per-address sign-in limits of its own instead of sharing 127.0.0.1's.
 */
export const randomClientIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Signs in through next-auth's own credentials endpoint, as the sign-in form does, leaving the
 * session cookie in this request context (and in a page's context when given `page.request`).
 */
export async function signInWithPassword(request: APIRequestContext, account: Pick<TestAccount, "email" | "password">) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, callbackUrl: "/" },
    headers: { "x-forwarded-for": randomClientIp() },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? "";
  if (response.status() !== 302 || location.includes("error=")) {
    throw new Error(`Signing in as ${account.email} failed: ${response.status()} ${location}`);
  }
}

/** Signs in as a person does, through the sign-in page's password form (already open in `page`). */
export async function signInThroughForm(page: Page, email: string, password: string) {
  const form = page.locator('form[action="/api/auth/callback/credentials"]');
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** A browser context of its own, signed in as `who`, and a page in it. */
export async function signedInPage(browser: Browser, who: TestAccount, { javaScriptEnabled = true } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  await signInWithPassword(context.request, who);
  return context.newPage();
}
