import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { linkIn, waitForMail } from "../e2e/support/mail-capture";
import type { DashboardUser } from "../lib/dashboard/access";

// What the authorization matrix's calls work on: accounts, and resources the author owns, made
// afresh for every call through the same functions and tables the app uses. Loaded only after
// the test has set DATABASE_URL (lib/db connects when it is first imported).

export const BLOG_URL = "http://blog.example.test";

export interface Account {
  id: string;
  name: string;
  email: string;
}

/** The people who call: every one of them exists afresh for each entry point. */
export interface World {
  reader: Account;
  otherAuthor: Account;
  author: Account;
  admin: Account;
  /** An admin whose account is disabled: anything it may still do, anyone may. */
  disabled: Account;
}

/** The account a caller's cookie names: the demoted author and the ended session are the author's. */
export function accountOf(caller: "reader" | "otherAuthor" | "author" | "demotedAuthor" | "admin" | "disabled" | "endedSession", world: World): Account {
  return caller === "demotedAuthor" || caller === "endedSession" ? world.author : world[caller];
}

/** Signing out everywhere (or a password change or reset): every token issued before stops counting. */
export async function endSessions(account: Account): Promise<void> {
  const { endAllSessions } = await import("../lib/session");
  await endAllSessions(account.id);
}

/** What an admin's role change on the People page writes. */
export async function setRole(account: Account, role: "READER" | "AUTHOR"): Promise<void> {
  const { db } = await lib();
  await db.user.update({ where: { id: account.id }, data: { role } });
}

const unique = () => randomBytes(5).toString("hex");
const lib = async () => ({
  db: (await import("../lib/db")).db,
  savePost: (await import("../lib/posts/save")).savePost,
  savePage: (await import("../lib/static-pages/save")).savePage,
  storeUpload: (await import("../lib/uploads/images")).storeUpload,
  requestPasswordReset: (await import("../lib/password-reset")).requestPasswordReset,
});

export async function makeAccount(role: "READER" | "AUTHOR" | "ADMIN", { disabled = false } = {}): Promise<Account> {
  const { db } = await lib();
  const id = `u-${unique()}`;
  return db.user.create({
    data: { id, name: `${role.toLowerCase()} ${id}`, email: `${id}@example.test`, role, disabledAt: disabled ? new Date() : null },
    select: { id: true, name: true, email: true },
  });
}

export async function makeWorld(): Promise<World> {
  return {
    reader: await makeAccount("READER"),
    otherAuthor: await makeAccount("AUTHOR"),
    author: await makeAccount("AUTHOR"),
    admin: await makeAccount("ADMIN"),
    disabled: await makeAccount("ADMIN", { disabled: true }),
  };
}

const asAuthor = (account: Account): DashboardUser => ({ ...account, role: "AUTHOR" });

export interface PostRef {
  postId: string;
  expectedVersion: number;
  permalink: string;
}

type PostState = "draft" | "published" | "trashed";

export async function makePost(owner: Account, state: PostState = "draft"): Promise<PostRef> {
  const { db } = await lib();
  const slug = `post-${unique()}`;
  const live = state !== "draft";
  const post = await db.post.create({
    data: {
      title: `Post ${slug}`,
      slug,
      bodyHtml: "<p>Words.</p>",
      authorId: owner.id,
      status: live ? "PUBLISHED" : "DRAFT",
      publishedAt: live ? new Date("2020-01-02T10:00:00Z") : null,
      permalink: live ? `/2020/01/${slug}` : null,
      trashedAt: state === "trashed" ? new Date() : null,
    },
  });
  return { postId: post.id, expectedVersion: post.version, permalink: post.permalink ?? `/2020/01/${slug}` };
}

/** A published post with an edit saved but not yet sent out to readers (Update or Discard). */
export async function makePostWithPendingEdit(owner: Account): Promise<PostRef> {
  const { savePost } = await lib();
  const post = await makePost(owner, "published");
  const slug = post.permalink.split("/").pop()!;
  const content = { title: "An edit in waiting", slug, excerpt: "", bodyHtml: "<p>New words.</p>", labels: [] };
  const saved = await savePost({ user: asAuthor(owner), postId: post.postId, expectedVersion: post.expectedVersion, saveId: crypto.randomUUID(), content, timeZone: "UTC", now: new Date() });
  return { ...post, expectedVersion: saved.version };
}

export async function makeRevision(owner: Account, postId: string): Promise<string> {
  const { db } = await lib();
  const revision = await db.postRevision.create({ data: { postId, authorId: owner.id, title: "An older title", bodyHtml: "<p>Older words.</p>" } });
  return revision.id;
}

export async function makeLabelledPost(owner: Account): Promise<{ label: string }> {
  const { db } = await lib();
  const { postId } = await makePost(owner, "published");
  const name = `label-${unique()}`;
  await db.label.create({ data: { name, slug: name, posts: { create: { postId } } } });
  return { label: name };
}

export interface PageRef {
  pageId: string;
  expectedVersion: number;
  slug: string;
}

export async function makePage(owner: Account, { published = false, pendingEdit = false } = {}): Promise<PageRef> {
  const { db, savePage } = await lib();
  const slug = `page-${unique()}`;
  const page = await db.page.create({
    data: { title: `Page ${slug}`, slug, bodyHtml: "<p>About.</p>", authorId: owner.id, status: published ? "PUBLISHED" : "DRAFT", publishedAt: published ? new Date() : null },
  });
  if (!pendingEdit) return { pageId: page.id, expectedVersion: page.version, slug };
  const content = { title: "A page edit in waiting", slug, bodyHtml: "<p>New about.</p>" };
  const saved = await savePage({ user: asAuthor(owner), pageId: page.id, expectedVersion: page.version, content, now: new Date() });
  return { pageId: page.id, expectedVersion: saved.version, slug };
}

export const smallPng = () => sharp({ create: { width: 24, height: 16, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png().toBuffer();

export async function makeUpload(owner: Account): Promise<{ id: string; storageKey: string }> {
  const { storeUpload } = await lib();
  return storeUpload({ user: asAuthor(owner), fileName: "harbour.png", bytes: await smallPng() });
}

export async function makeComment(postId: string, writer: Account, status: "VISIBLE" | "PENDING" = "VISIBLE"): Promise<string> {
  const { db } = await lib();
  const comment = await db.comment.create({ data: { postId, userId: writer.id, bodyHtml: "<p>A comment.</p>", status, idempotencyKey: `key-${unique()}` } });
  return comment.id;
}

export interface Subscription {
  subscriptionId: string;
  token: string;
}

/** A reader's "Notify me" on a post of the author's, and the token its unsubscribe links carry. */
export async function makeSubscription(author: Account): Promise<Subscription> {
  const { db } = await lib();
  const { postId } = await makePost(author, "published");
  const { id } = await db.commentSubscription.create({ data: { postId, email: `subscriber-${unique()}@example.test` } });
  const { unsubscribeToken } = await import("../lib/notifications/unsubscribe");
  return { subscriptionId: id, token: unsubscribeToken(id) };
}

/** A real reset link's token, from the email the blog sends (SMTP points at the test's mail capture). */
export async function makeResetToken(account: Account): Promise<string> {
  const { requestPasswordReset } = await lib();
  await requestPasswordReset(account.email, "192.0.2.20");
  const link = new URL(linkIn(await waitForMail(account.email, { subject: "Reset your password" }), BLOG_URL));
  return link.searchParams.get("token")!;
}

/** Every account as made through GitHub, Google or a link: no password yet, so the current one is empty. */
export async function forgetPasswords(world: World): Promise<World> {
  const { db } = await lib();
  await db.user.updateMany({ where: { id: { in: Object.values(world).map((account) => account.id) } }, data: { passwordHash: null } });
  return world;
}

export const freshEmail = () => `new-${unique()}@example.test`;
