import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import type { BlogSettingsInput } from "../lib/validation/settings";
import { withMigratedDatabase } from "./support/databases";

// The dashboard's moderation queue, People and Settings rules, through the lib functions its
// server actions call, against PostgreSQL. Each test makes its own users and posts.
const database = withMigratedDatabase();
let db: typeof import("../lib/db").db;
let lib: {
  moderate: typeof import("../lib/comments/moderate");
  queue: typeof import("../lib/dashboard/moderation-queue");
  badge: typeof import("../lib/dashboard/moderation-count");
  users: typeof import("../lib/users/manage");
  settings: typeof import("../lib/settings");
  session: typeof import("../lib/session");
  credentials: typeof import("../lib/auth/credentials");
  authOptions: typeof import("../lib/auth/options");
  passwords: typeof import("../lib/passwords");
  errors: typeof import("../lib/errors");
  commentValidation: typeof import("../lib/validation/comments");
  settingsValidation: typeof import("../lib/validation/settings");
  cliRole: typeof import("../scripts/lib/user-role");
  pathAccess: typeof import("../lib/dashboard/path-access");
};

beforeAll(async () => {
  // lib/config.ts reads the environment once, on first use (next-auth's options need a secret).
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: "http://blog.example.test", NEXTAUTH_SECRET: "a-test-secret-of-at-least-thirty-two-characters" });
  db = (await import("../lib/db")).db;
  lib = {
    moderate: await import("../lib/comments/moderate"),
    queue: await import("../lib/dashboard/moderation-queue"),
    badge: await import("../lib/dashboard/moderation-count"),
    users: await import("../lib/users/manage"),
    settings: await import("../lib/settings"),
    session: await import("../lib/session"),
    credentials: await import("../lib/auth/credentials"),
    authOptions: await import("../lib/auth/options"),
    passwords: await import("../lib/passwords"),
    errors: await import("../lib/errors"),
    commentValidation: await import("../lib/validation/comments"),
    settingsValidation: await import("../lib/validation/settings"),
    cliRole: await import("../scripts/lib/user-role"),
    pathAccess: await import("../lib/dashboard/path-access"),
  };
  await db.setting.upsert({ where: { id: 1 }, create: { blogTitle: "Test blog" }, update: {} });
});

type Role = "READER" | "AUTHOR" | "ADMIN";
const unique = () => randomBytes(5).toString("hex");

async function makeUser(role: Role = "READER", name = `${role.toLowerCase()} ${unique()}`) {
  const id = `u-${unique()}`;
  await db.user.create({ data: { id, name, email: `${id}@example.test`, role } });
  return { id, name, email: `${id}@example.test`, role };
}
type TestUser = Awaited<ReturnType<typeof makeUser>>;

async function makePost(author: TestUser) {
  const slug = `p-${unique()}`;
  return db.post.create({
    data: { title: `Post ${slug}`, slug, permalink: `/2020/01/${slug}`, bodyHtml: "<p>Body</p>", status: "PUBLISHED", publishedAt: new Date(Date.now() - 3_600_000), authorId: author.id },
  });
}

let minutesAgo = 1000;
/** A comment straight into the table, each one newer than the last. */
async function makeComment(postId: string, writer: TestUser, status: "PENDING" | "SPAM" | "VISIBLE" = "PENDING") {
  return db.comment.create({
    data: { postId, userId: writer.id, bodyHtml: `<p>Comment ${unique()}</p>`, status, idempotencyKey: unique(), createdAt: new Date(Date.now() - --minutesAgo * 60_000) },
  });
}

const statusesOf = async (ids: string[]) =>
  Object.fromEntries((await db.comment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })).map((row) => [row.id, row.status]));

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (error: unknown) => error as Error,
  );
}

const asDashboardUser = (user: TestUser) => user as TestUser & { role: "AUTHOR" | "ADMIN" };

describe("the moderation queue", () => {
  test("lists pending or spam comments on the author's own posts only (every post for admins), newest first, paged", async () => {
    const author = asDashboardUser(await makeUser("AUTHOR", "Queue author"));
    const other = asDashboardUser(await makeUser("AUTHOR"));
    const admin = asDashboardUser(await makeUser("ADMIN"));
    const reader = await makeUser("READER", "Ruth Reader");
    const mine = await makePost(author);
    const theirs = await makePost(other);
    const older = await makeComment(mine.id, reader);
    const newer = await makeComment(mine.id, reader);
    const spam = await makeComment(mine.id, reader, "SPAM");
    await makeComment(mine.id, reader, "VISIBLE");
    const foreign = await makeComment(theirs.id, reader);

    const pending = await lib.queue.listModerationQueue({ user: author, status: "PENDING", page: 1 });
    expect(pending.items.map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(pending.items[0]).toMatchObject({ writerName: "Ruth Reader", post: { id: mine.id, title: mine.title, permalink: mine.permalink } });
    expect((await lib.queue.listModerationQueue({ user: author, status: "SPAM", page: 1 })).items.map((item) => item.id)).toEqual([spam.id]);

    const all = await lib.queue.listModerationQueue({ user: admin, status: "PENDING", page: 1, pageSize: 1000 });
    expect(all.items.map((item) => item.id)).toEqual(expect.arrayContaining([older.id, newer.id, foreign.id]));

    const firstPage = await lib.queue.listModerationQueue({ user: author, status: "PENDING", page: 1, pageSize: 1 });
    const pastTheEnd = await lib.queue.listModerationQueue({ user: author, status: "PENDING", page: 9, pageSize: 1 });
    expect(firstPage).toMatchObject({ total: 2, page: 1, pageCount: 2, items: [{ id: newer.id }] });
    expect(pastTheEnd).toMatchObject({ page: 2, items: [{ id: older.id }] });
  });

  test("an author moderates only comments on their own posts; an admin moderates any", async () => {
    const author = asDashboardUser(await makeUser("AUTHOR"));
    const other = asDashboardUser(await makeUser("AUTHOR"));
    const admin = asDashboardUser(await makeUser("ADMIN"));
    const reader = await makeUser();
    const theirs = await makeComment((await makePost(other)).id, reader);

    const error = await refusal(lib.moderate.moderateComments({ user: author, commentIds: [theirs.id], decision: "approve" }));
    expect(error).toBeInstanceOf(lib.errors.NotFoundError);
    expect(error.message).toBe("That comment was not found.");
    expect(await statusesOf([theirs.id])).toEqual({ [theirs.id]: "PENDING" });

    // A missing id answers exactly as another author's does.
    const missing = await refusal(lib.moderate.moderateComments({ user: author, commentIds: ["no-such-comment"], decision: "approve" }));
    expect(missing.message).toBe(error.message);

    await lib.moderate.moderateComments({ user: admin, commentIds: [theirs.id], decision: "approve" });
    expect(await statusesOf([theirs.id])).toEqual({ [theirs.id]: "VISIBLE" });
  });

  test("a bulk request with one foreign or deleted id changes nothing", async () => {
    const author = asDashboardUser(await makeUser("AUTHOR"));
    const other = asDashboardUser(await makeUser("AUTHOR"));
    const reader = await makeUser();
    const post = await makePost(author);
    const own = [await makeComment(post.id, reader), await makeComment(post.id, reader)];
    const foreign = await makeComment((await makePost(other)).id, reader);
    const deleted = await db.comment.update({ where: { id: (await makeComment(post.id, reader)).id }, data: { status: "DELETED", bodyHtml: "" } });

    for (const intruder of [foreign.id, deleted.id]) {
      const error = await refusal(lib.moderate.moderateComments({ user: author, commentIds: [...own.map((c) => c.id), intruder], decision: "spam" }));
      expect(error).toBeInstanceOf(lib.errors.NotFoundError);
    }
    expect(await statusesOf([...own.map((c) => c.id), foreign.id])).toEqual({ [own[0]!.id]: "PENDING", [own[1]!.id]: "PENDING", [foreign.id]: "PENDING" });
    expect(await lib.badge.countCommentsAwaitingModeration(author)).toBe(2);
  });

  test("approve, spam and delete change the status and the pending count, and report the posts to refresh", async () => {
    const author = asDashboardUser(await makeUser("AUTHOR"));
    const reader = await makeUser();
    const first = await makePost(author);
    const second = await makePost(author);
    const [a, b, c, d] = [await makeComment(first.id, reader), await makeComment(first.id, reader), await makeComment(second.id, reader), await makeComment(second.id, reader)];
    expect(await lib.badge.countCommentsAwaitingModeration(author)).toBe(4);

    const approved = await lib.moderate.moderateComments({ user: author, commentIds: [a.id, c.id, a.id], decision: "approve" });
    expect(approved).toEqual({ expire: expect.arrayContaining([`post:${first.id}`, `post:${second.id}`, "comments"]), count: 2 });
    expect(approved.expire).toHaveLength(3);
    expect(await lib.badge.countCommentsAwaitingModeration(author)).toBe(2);

    await lib.moderate.moderateComments({ user: author, commentIds: [b.id], decision: "spam" });
    expect(await lib.badge.countCommentsAwaitingModeration(author)).toBe(1);
    expect((await lib.queue.listModerationQueue({ user: author, status: "SPAM", page: 1 })).items.map((item) => item.id)).toEqual([b.id]);

    await lib.moderate.moderateComments({ user: author, commentIds: [d.id, b.id], decision: "delete" });
    expect(await lib.badge.countCommentsAwaitingModeration(author)).toBe(0);
    expect(await statusesOf([a.id, b.id, c.id, d.id])).toEqual({ [a.id]: "VISIBLE", [b.id]: "DELETED", [c.id]: "VISIBLE", [d.id]: "DELETED" });
    const removed = await db.comment.findUniqueOrThrow({ where: { id: d.id } });
    expect(removed).toMatchObject({ bodyHtml: "", removedBy: "MODERATOR" });
  });

  test("the queue form: a row's own button wins over the ticked boxes; a bulk button needs a choice", () => {
    const { queueModerationSchema } = lib.commentValidation;
    expect(queueModerationSchema.parse({ row: "spam:c1", decision: "approve", commentIds: ["c2", "c3"] })).toEqual({ decision: "spam", commentIds: ["c1"] });
    expect(queueModerationSchema.parse({ decision: "delete", commentIds: "c2" })).toEqual({ decision: "delete", commentIds: ["c2"] });
    expect(queueModerationSchema.safeParse({ decision: "approve" }).error?.issues[0]?.message).toBe("Select at least one comment first.");
    expect(queueModerationSchema.safeParse({ decision: "hide", commentIds: ["c1"] }).success).toBe(false);
  });
});

describe("people", () => {
  test("lists accounts, searched by name or email, paged", async () => {
    const marker = unique();
    const found = await makeUser("READER", `Searchable ${marker}`);
    const byEmail = await db.user.create({ data: { id: `u-${unique()}`, name: "Someone else", email: `${marker}@example.test` } });
    const result = await lib.users.listUsers({ search: marker.toUpperCase(), page: 1 });
    expect(result.items.map((user) => user.id).sort()).toEqual([found.id, byEmail.id].sort());
    expect(result.items.find((user) => user.id === found.id)).toMatchObject({ email: found.email, role: "READER", disabledAt: null });
    expect((await lib.users.listUsers({ search: marker, page: 2, pageSize: 1 })).items).toHaveLength(1);
  });

  test("an admin changes another account's role, which counts at the next session read", async () => {
    const admin = asDashboardUser(await makeUser("ADMIN"));
    const reader = await makeUser();
    expect(await lib.users.changeUserRole({ actor: admin, userId: reader.id, role: "AUTHOR" })).toMatchObject({ previous: "READER", role: "AUTHOR" });
    expect((await lib.session.findActiveUser({ userId: reader.id, sessionVersion: 0 }))?.role).toBe("AUTHOR");
    const missing = await refusal(lib.users.changeUserRole({ actor: admin, userId: "nobody", role: "ADMIN" }));
    expect(missing).toBeInstanceOf(lib.errors.NotFoundError);
  });

  test("an admin cannot demote or disable themselves", async () => {
    const admin = asDashboardUser(await makeUser("ADMIN"));
    await makeUser("ADMIN");
    const demote = await refusal(lib.users.changeUserRole({ actor: admin, userId: admin.id, role: "AUTHOR" }));
    expect(demote).toBeInstanceOf(lib.errors.InvalidRequestError);
    expect(demote.message).toBe("You cannot change your own role. Ask another admin to do it.");
    const disable = await refusal(lib.users.setUserDisabled({ actor: admin, userId: admin.id, disabled: true, now: new Date() }));
    expect(disable.message).toBe("You cannot disable your own account. Ask another admin to do it.");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
  });

  test("the last active admin cannot be demoted or disabled, from the dashboard or with npm run user:role", async () => {
    // This file's database: make one admin the only active one.
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "AUTHOR" } });
    const last = await makeUser("ADMIN");
    const disabledAdmin = await makeUser("ADMIN");
    await db.user.update({ where: { id: disabledAdmin.id }, data: { disabledAt: new Date() } });
    // Another admin's session that has since lost the role is how this could be asked at all;
    // the rule does not depend on who asks.
    const actor = asDashboardUser({ ...(await makeUser("AUTHOR")), role: "ADMIN" });

    const lastAdmin = "This is the last active admin: make another account an admin first.";
    expect((await refusal(lib.users.changeUserRole({ actor, userId: last.id, role: "READER" }))).message).toBe(lastAdmin);
    expect((await refusal(lib.users.setUserDisabled({ actor, userId: last.id, disabled: true, now: new Date() }))).message).toBe(lastAdmin);
    const cli = await refusal(lib.cliRole.setUserRole(database.url, last.email, "AUTHOR"));
    expect(cli).toBeInstanceOf(lib.cliRole.UserRoleError);
    expect(cli.message).toBe(lastAdmin);
    expect(await db.user.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });

    // With a second active admin, either change goes through.
    await lib.users.setUserDisabled({ actor, userId: disabledAdmin.id, disabled: false, now: new Date() });
    await lib.users.changeUserRole({ actor, userId: last.id, role: "AUTHOR" });
    expect((await refusal(lib.users.setUserDisabled({ actor, userId: disabledAdmin.id, disabled: true, now: new Date() }))).message).toBe(lastAdmin);
  });

  test("a disabled account is signed out, cannot sign in, and keeps its comments; enabling restores it", async () => {
    const admin = asDashboardUser(await makeUser("ADMIN"));
    await makeUser("ADMIN");
    const reader = await makeUser("READER", "Soon disabled");
    const password = "a long enough password";
    await db.user.update({ where: { id: reader.id }, data: { passwordHash: await lib.passwords.hashPassword(password) } });
    const comment = await makeComment((await makePost(await makeUser("AUTHOR"))).id, reader, "VISIBLE");
    const signIn = () => lib.credentials.authorizeWithPassword({ email: reader.email, password }, "10.9.9.1");
    const signInCallback = lib.authOptions.authOptions().callbacks!.signIn!;
    expect(await signIn()).toMatchObject({ id: reader.id });

    const now = new Date();
    expect(await lib.users.setUserDisabled({ actor: admin, userId: reader.id, disabled: true, now })).toEqual({ name: "Soon disabled", disabled: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).disabledAt).toEqual(now);
    // The session read behind every page and action (commenting included: its action signs a
    // reader without a current user out to the sign-in page) no longer finds the account.
    expect(await lib.session.findActiveUser({ userId: reader.id, sessionVersion: 0 })).toBeNull();
    expect(await signIn()).toBeNull();
    expect(await signInCallback({ user: { id: reader.id }, account: null } as Parameters<typeof signInCallback>[0])).toBe(false);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "VISIBLE", userId: reader.id });

    await lib.users.setUserDisabled({ actor: admin, userId: reader.id, disabled: false, now: new Date() });
    // Its old sessions stay ended; a new sign-in gets the current version.
    expect(await lib.session.findActiveUser({ userId: reader.id, sessionVersion: 0 })).toBeNull();
    expect(await lib.session.findActiveUser({ userId: reader.id, sessionVersion: 1 })).toMatchObject({ id: reader.id });
    expect(await signInCallback({ user: { id: reader.id }, account: null } as Parameters<typeof signInCallback>[0])).toBe(true);
  });
});

test("the proxy's early 403: readers nowhere on the dashboard, authors everywhere but People and Settings", () => {
  const { mayOpenDashboardPath } = lib.pathAccess;
  expect(mayOpenDashboardPath("READER", "/dashboard/comments")).toBe(false);
  expect(mayOpenDashboardPath("AUTHOR", "/dashboard/comments")).toBe(true);
  expect(mayOpenDashboardPath("AUTHOR", "/dashboard/users")).toBe(false);
  expect(mayOpenDashboardPath("AUTHOR", "/dashboard/settings/anything")).toBe(false);
  expect(mayOpenDashboardPath("AUTHOR", "/dashboard/usersettings")).toBe(true);
  expect(mayOpenDashboardPath("ADMIN", "/dashboard/users")).toBe(true);
});

describe("settings", () => {
  const valid: BlogSettingsInput = {
    blogTitle: "A title",
    description: "About the blog",
    postsPerPage: 10,
    timeZone: "Europe/London",
    locale: "en-US",
    commentPermission: "SIGNED_IN",
    commentModeration: "OLDER_POSTS",
    moderateAfterDays: 30,
  };

  test("saves every field into the one Setting row", async () => {
    const saved = await lib.settings.updateBlogSettings({ ...valid, blogTitle: "  Trimmed title  " });
    expect(saved).toEqual({ ...valid, blogTitle: "Trimmed title" });
    expect(await lib.settings.getCurrentSettings()).toEqual(saved);
    expect(await db.setting.count()).toBe(1);
  });

  test("the form's values are checked: a bad time zone or language, or a number out of range, changes nothing", async () => {
    await lib.settings.updateBlogSettings(valid);
    const { blogSettingsSchema, TIME_ZONES } = lib.settingsValidation;
    const fieldErrors = (input: Record<string, unknown>) => blogSettingsSchema.safeParse({ ...valid, ...input }).error?.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);

    expect(fieldErrors({ timeZone: "Mars/Olympus_Mons" })).toEqual(["timeZone: Choose a time zone from the list."]);
    expect(fieldErrors({ postsPerPage: "0" })).toEqual(["postsPerPage: Posts per page must be between 1 and 50."]);
    expect(fieldErrors({ postsPerPage: "51" })).toEqual(["postsPerPage: Posts per page must be between 1 and 50."]);
    expect(fieldErrors({ postsPerPage: "2.5" })).toEqual(["postsPerPage: Posts per page must be a whole number."]);
    expect(fieldErrors({ moderateAfterDays: "3651" })).toEqual(["moderateAfterDays: The number of days must be between 1 and 3650."]);
    expect(fieldErrors({ moderateAfterDays: "0" })).toEqual(["moderateAfterDays: The number of days must be between 1 and 3650."]);
    expect(fieldErrors({ blogTitle: "   " })).toEqual(["blogTitle: Give the blog a title."]);
    expect(fieldErrors({ blogTitle: "x".repeat(101) })).toEqual(["blogTitle: Keep the title to 100 characters."]);
    expect(fieldErrors({ description: "x".repeat(501) })).toEqual(["description: Keep the description to 500 characters."]);
    expect(fieldErrors({ locale: "fr" })).toEqual(["locale: Choose a language from the list."]);
    expect(fieldErrors({ locale: "" })).toEqual(["locale: Choose a language from the list."]);
    expect(fieldErrors({ commentPermission: "EVERYONE" })).toEqual(["commentPermission: Choose who may comment."]);
    expect(fieldErrors({ commentModeration: "SOMETIMES" })).toEqual(["commentModeration: Choose when comments wait for a moderator."]);
    // Edges that are allowed, as a form sends them (strings).
    expect(blogSettingsSchema.safeParse({ ...valid, postsPerPage: "50", moderateAfterDays: "3650", timeZone: "UTC", description: "" }).success).toBe(true);
    expect(TIME_ZONES).toContain("UTC");
    expect(TIME_ZONES).toContain("America/New_York");

    // Whoever calls the data function, a bad value is refused and nothing is stored.
    for (const bad of [{ timeZone: "Mars/Olympus_Mons" }, { postsPerPage: 0 }, { moderateAfterDays: 4000 }, { locale: "fr" }]) {
      const error = await refusal(lib.settings.updateBlogSettings({ ...valid, ...bad, blogTitle: "Should not be saved" } as BlogSettingsInput));
      expect(error).toBeInstanceOf(lib.errors.InvalidRequestError);
    }
    expect(await lib.settings.getCurrentSettings()).toEqual(valid);
  });
});
