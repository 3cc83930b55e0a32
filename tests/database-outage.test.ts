// First: it sets up Next's request storage, which next/server would otherwise find missing.
import { inNextRequest, nextRequest } from "./support/next-request";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { z } from "zod";
import { startThrowawayPostgres, type EmbeddedDatabase } from "../scripts/lib/embedded-postgres";
import { applyMigrations } from "../scripts/lib/migrator";
import { findFreePort } from "../scripts/lib/net";
import { migrationsDir } from "../scripts/lib/paths";

// A database outage, for real: the blog's own client against a PostgreSQL of this file's own,
// stopped and started again mid-test (the shared test server must keep running for the others).
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const DATABASE_ERROR_TEXT = /prisma|ECONNREFUSED|Can't reach|57P01|terminat|127\.0\.0\.1/i;
let database: EmbeddedDatabase;
let db: typeof import("../lib/db").db;
let outage: typeof import("../lib/database-outage.mjs");
let refusal: typeof import("../lib/database-outage-refusal");
let actionClient: typeof import("../lib/action-client");
let gate: typeof import("../lib/dashboard/gate");
let credentials: typeof import("../lib/auth/credentials");
let signInMessages: typeof import("../lib/auth/sign-in-messages");
let accountActions: typeof import("../lib/actions/sign-out");
let signUp: typeof import("../lib/actions/sign-up").signUp;
let changeName: typeof import("../lib/actions/profile").changeName;

beforeAll(async () => {
  database = await startThrowawayPostgres("longhand_outage");
  await applyMigrations({ databaseUrl: database.url, migrationsDir });
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: "http://blog.example.test", NEXTAUTH_SECRET: SECRET });
  db = (await import("../lib/db")).db;
  outage = await import("../lib/database-outage.mjs");
  refusal = await import("../lib/database-outage-refusal");
  actionClient = await import("../lib/action-client");
  gate = await import("../lib/dashboard/gate");
  credentials = await import("../lib/auth/credentials");
  signInMessages = await import("../lib/auth/sign-in-messages");
  accountActions = await import("../lib/actions/sign-out");
  ({ signUp } = await import("../lib/actions/sign-up"));
  ({ changeName } = await import("../lib/actions/profile"));
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.stop();
});

/** Runs `work` with PostgreSQL stopped, then starts it again whatever happened. */
async function whileStopped(work: () => Promise<void>) {
  await database.halt();
  try {
    await work();
  } finally {
    await database.resume();
  }
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

async function makeAuthor() {
  const id = `u-${randomBytes(5).toString("hex")}`;
  const password = `pw-${randomBytes(6).toString("hex")}`;
  const user = await db.user.create({ data: { id, name: id, email: `${id}@example.test`, role: "AUTHOR", passwordHash: await hash(password) } });
  const token = await encode({ token: { sub: id, sessionVersion: user.sessionVersion }, secret: SECRET });
  return { id, email: user.email, password, cookie: `next-auth.session-token=${token}` };
}

test("an unreachable database is told apart from a query the database refused", async () => {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("../lib/generated/prisma/client");
  const closedPort = new PrismaClient({
    adapter: new PrismaPg({ connectionString: `postgresql://longhand:longhand@127.0.0.1:${await findFreePort()}/none`, connectionTimeoutMillis: 2_000 }),
  });
  expect(outage.isDatabaseUnavailable(await failureOf(() => closedPort.user.count()))).toBe(true);

  const author = await makeAuthor();
  const duplicate = await failureOf(() => db.user.create({ data: { name: "Copy", email: author.email } }));
  expect(outage.isDatabaseUnavailable(duplicate)).toBe(false);
  // Not the outage: passed on as it was, for the caller's own handling.
  await expect(refusal.refuseWhileDatabaseDown(() => Promise.reject(duplicate), () => "refused")).rejects.toBe(duplicate);
});

test("with PostgreSQL stopped a dashboard action answers 'Could not save, try again'; started again, the same process saves, once per acknowledgement", async () => {
  const author = await makeAuthor();
  const createPost = actionClient.dashboardAction({ schema: z.object({ title: z.string() }) }, ({ title }, user) =>
    db.post.create({ data: { title, slug: title, bodyHtml: "<p>Hello.</p>", authorId: user.id }, select: { id: true } }),
  );
  const save = async (title: string) => {
    const request = nextRequest(new URL("http://blog.example.test/dashboard/posts/new"), { method: "POST", headers: { cookie: author.cookie } });
    const { outcome } = await inNextRequest({ page: "/dashboard/posts/new/page", request }, () => createPost({ title }));
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  };
  const saved = () => db.post.count({ where: { authorId: author.id } });

  expect(await save("before")).toMatchObject({ ok: true });
  await whileStopped(async () => {
    const refused = await save("during");
    expect(refused).toEqual({ ok: false, code: "ERROR", message: "Could not save, try again." });
    expect(outage.databaseRecentlyUnavailable()).toBe(true);
  });
  // The pool reconnects by itself: no restart, and the refused save lands when sent again.
  expect(await save("during")).toMatchObject({ ok: true });
  expect(await saved()).toBe(2);
});

test("the dashboard gate and sign-in answer in their own words while PostgreSQL is stopped", async () => {
  const author = await makeAuthor();
  const dashboardRequest = (headers: Record<string, string> = {}) =>
    new NextRequest("http://blog.example.test/dashboard/posts", { headers: { cookie: author.cookie, ...headers } });
  expect((await gate.dashboardGate(dashboardRequest())).status).toBe(200);

  await whileStopped(async () => {
    const page = await gate.dashboardGate(dashboardRequest());
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    const text = await page.text();
    expect(text).toContain("The blog cannot reach its database right now");
    expect(text).not.toMatch(DATABASE_ERROR_TEXT);
    // A server action is let through: it answers "Could not save, try again" itself.
    expect((await gate.dashboardGate(dashboardRequest({ "next-action": "abc" }))).status).toBe(200);

    const signIn = await failureOf(() =>
      credentials.withoutDatabaseErrorText(() => credentials.authorizeWithPassword({ email: author.email, password: author.password }, "10.1.2.3")),
    );
    // next-auth puts this message in the address bar: a code of ours, never the database's words.
    expect(signIn).toBeInstanceOf(Error);
    expect((signIn as Error).message).toBe(credentials.DATABASE_UNAVAILABLE_CODE);
    expect(signInMessages.signInErrorMessage((signIn as Error).message)).toMatch(/cannot reach its database right now/);
  });

  const signedIn = await credentials.withoutDatabaseErrorText(() =>
    credentials.authorizeWithPassword({ email: author.email, password: author.password }, "10.1.2.3"),
  );
  expect(signedIn?.id).toBe(author.id);
});

test("sign-out while PostgreSQL is stopped says it could not sign out and keeps the sessions; started again, it ends them", async () => {
  const author = await makeAuthor();
  const signOut = async () => {
    const request = nextRequest(new URL("http://blog.example.test/profile"), { method: "POST", headers: { cookie: author.cookie, "next-action": "sign-out" } });
    const { outcome } = await inNextRequest({ page: "/profile/page", request }, () => accountActions.signOut());
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  };
  const sessionVersion = async () => (await db.user.findUniqueOrThrow({ where: { id: author.id } })).sessionVersion;
  const before = await sessionVersion();

  await whileStopped(async () => {
    expect(await signOut()).toEqual({ signedOut: false, message: "Could not sign out, try again." });
  });
  expect(await sessionVersion()).toBe(before);

  expect(await signOut()).toEqual({ signedOut: true });
  expect(await sessionVersion()).toBe(before + 1);
});

test("account forms say in their own words that the database cannot be reached, and keep what was typed", async () => {
  const author = await makeAuthor();
  const post = async (page: string, cookie: string, action: (previous: null, formData: FormData) => Promise<unknown>, fields: Record<string, string>) => {
    const request = nextRequest(new URL(`http://blog.example.test${page}`), { method: "POST", headers: { cookie, "next-action": "account-form" } });
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.append(name, value);
    const { outcome } = await inNextRequest({ page: `${page}/page`, request }, () => action(null, formData));
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  };
  const down = "The blog cannot reach its database right now. Please try again in a minute.";

  await whileStopped(async () => {
    const newReader = { name: "Nell Reader", email: "nell@example.test", password: "a long enough password", callbackUrl: "/" };
    expect(await post("/sign-up", "", signUp, newReader)).toEqual({ ok: false, message: down, values: { name: "Nell Reader", email: "nell@example.test" } });
    expect(await post("/profile", author.cookie, changeName, { name: "Renamed" })).toEqual({ ok: false, message: down, values: { name: "Renamed" } });
  });
  expect(await db.user.count({ where: { OR: [{ email: "nell@example.test" }, { name: "Renamed" }] } })).toBe(0);
});

/** A stand-in for Next behind server.mjs's outage answer: like Next, it renders no body for a HEAD. */
async function serveThroughOutageAnswer(): Promise<{ url: string; close: () => Promise<void> }> {
  const distDir = await mkdtemp(path.join(tmpdir(), "longhand-outage-"));
  await mkdir(path.join(distDir, "server", "app"), { recursive: true });
  await writeFile(path.join(distDir, "server", "app", "_not-found.html"), "<!DOCTYPE html><html><head><title>Not found</title></head><body><main>Not found</main></body></html>");
  const { createOutageAnswer } = await import("../lib/database-outage-answer.mjs");
  const answerOutageWith503 = createOutageAnswer({ distDir, databaseUrl: database.url });
  const server: Server = createServer((request, response) => {
    answerOutageWith503(request, response);
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    if (request.method === "HEAD") return void response.end();
    const failedElement = request.url === "/failed" ? '<script>self.__next_f.push([1,"{\\"digest\\":\\"2461\\"}"])</script>' : "";
    response.end(`<!DOCTYPE html><html><body><main>A post</main>${failedElement}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(distDir, { recursive: true, force: true });
    },
  };
}

test("while PostgreSQL is stopped a HEAD for a page that failed answers 503 like its GET; a page that rendered answers 200", async () => {
  const site = await serveThroughOutageAnswer();
  try {
    await whileStopped(async () => {
      // The page's query fails, and Next reports it (instrumentation.ts's onRequestError).
      expect(outage.noteIfDatabaseUnavailable(await failureOf(() => db.post.count()))).toBe(true);
      for (const method of ["GET", "HEAD"]) {
        const failed = await fetch(`${site.url}/failed`, { method });
        expect(failed.status, method).toBe(503);
        expect(failed.headers.get("retry-after"), method).toMatch(/^\d+$/);
        expect((await fetch(`${site.url}/fine`, { method })).status, method).toBe(200);
      }
    });
  } finally {
    await site.close();
  }
});
