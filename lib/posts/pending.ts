import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { InvalidRequestError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sameWords, storedWords, writeContentToPost } from "@/lib/posts/content-write";
import { recordRevision } from "@/lib/posts/revisions";
import { postForWrite, type WritablePost, type WriteOutcome } from "@/lib/posts/write";
import type { PostContent } from "@/lib/validation/posts";

/**
 * A post readers see, or will without another write (scheduled, or restored from the trash with its
 * status): its edits wait for Update.
 */
export const holdsPendingEdits = (post: Pick<WritablePost, "status">) => post.status !== "DRAFT";

const sortedNames = (names: string[]) => [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort();

async function liveLabelNames(tx: Prisma.TransactionClient, postId: string) {
  const rows = await tx.postLabel.findMany({ where: { postId }, select: { label: { select: { name: true } } } });
  return sortedNames(rows.map((row) => row.label.name));
}

/**
 * Keeps the editor's content as the post's pending version, inside the caller's transaction, and
 * bumps the post's version so another tab's stale save is refused (noting the editor's save id). Content equal to the live post
 * removes the pending version instead. Readers' caches are untouched: they see nothing new.
 */
export async function savePendingEdit(
  tx: Prisma.TransactionClient,
  { user, post, content, now, kind = "EDIT", saveId }: { user: DashboardUser; post: WritablePost; content: PostContent; now: Date; kind?: "EDIT" | "RESTORE"; saveId?: string },
) {
  const words = storedWords(content);
  const labels = sortedNames(content.labels);
  const previous = await tx.pendingPostEdit.findUnique({ where: { postId: post.id } });
  const featuredImageId = content.featuredImageId === undefined ? (previous ?? post).featuredImageId : content.featuredImageId;
  const live =
    sameWords(words, post) &&
    content.slug === post.slug &&
    featuredImageId === post.featuredImageId &&
    labels.join("\n") === (await liveLabelNames(tx, post.id)).join("\n");
  if (live) {
    if (previous) await tx.pendingPostEdit.delete({ where: { postId: post.id } });
  } else {
    const data = { ...words, slug: content.slug, labels, featuredImageId, updatedAt: now };
    await tx.pendingPostEdit.upsert({ where: { postId: post.id }, create: { postId: post.id, ...data }, update: data });
  }
  if (kind === "RESTORE" || !sameWords(words, previous ?? post)) await recordRevision(tx, { postId: post.id, authorId: user.id, kind, content: words, now });
  // Only the version moves: the feeds' "updated" and the sitemap's lastmod follow the live words.
  const saved = await tx.post.update({ where: { id: post.id }, data: { version: { increment: 1 }, updatedAt: post.updatedAt, lastSaveId: saveId }, select: { version: true } });
  return { version: saved.version, bodyHtml: words.bodyHtml, pending: !live };
}

/** The content the editor works on: the pending version when there is one, else the post's own. */
export async function editedContent(tx: Prisma.TransactionClient, post: WritablePost): Promise<PostContent> {
  const pending = await tx.pendingPostEdit.findUnique({ where: { postId: post.id }, select: { title: true, slug: true, bodyHtml: true, excerpt: true, labels: true, featuredImageId: true } });
  if (pending) return { ...pending, excerpt: pending.excerpt ?? "" };
  const { title, slug, bodyHtml, excerpt, featuredImageId } = post;
  return { title, slug, bodyHtml, excerpt: excerpt ?? "", featuredImageId, labels: await liveLabelNames(tx, post.id) };
}

/**
 * Moves the pending version, if any, onto the post inside the caller's transaction and deletes it.
 * Returns what changed for readers, or null when there was nothing pending.
 */
export async function applyPendingEdit(tx: Prisma.TransactionClient, { post, timeZone, now }: { post: WritablePost; timeZone: string; now: Date }) {
  const pending = await tx.pendingPostEdit.findUnique({ where: { postId: post.id } });
  if (!pending) return null;
  const written = await writeContentToPost(tx, { post, content: { ...pending, excerpt: pending.excerpt ?? "" }, timeZone, now });
  await tx.pendingPostEdit.delete({ where: { postId: post.id } });
  return written;
}

interface PostWrite {
  user: DashboardUser;
  postId: string;
  expectedVersion: number;
  timeZone: string;
  now: Date;
}

/** Update: the pending version goes live in one step, recorded as a PUBLISH revision. */
export async function updateLivePost({ user, postId, expectedVersion, timeZone, now }: PostWrite): Promise<WriteOutcome> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    if (!holdsPendingEdits(post)) throw new InvalidRequestError("Only a published or scheduled post has changes to update.");
    const applied = await applyPendingEdit(tx, { post, timeZone, now });
    if (!applied) throw new InvalidRequestError("There are no changes to update: readers already see this version.");
    if (!applied.words.title.trim()) throw new InvalidRequestError("Give the post a title before publishing it.");
    const saved = await tx.post.update({ where: { id: postId }, data: { version: { increment: 1 } }, select: { version: true } });
    await recordRevision(tx, { postId, authorId: user.id, kind: "PUBLISH", content: applied.words, now });
    return { postId, version: saved.version, posts: true, labels: applied.labelsChanged, redirects: applied.redirectsChanged };
  });
}

/** Discard changes: the pending version goes, and the editor shows the live post again. */
export async function discardPendingEdit({ user, postId, expectedVersion }: Omit<PostWrite, "timeZone" | "now">): Promise<WriteOutcome> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    const { count } = await tx.pendingPostEdit.deleteMany({ where: { postId } });
    if (count === 0) throw new InvalidRequestError("There are no changes to discard.");
    const saved = await tx.post.update({ where: { id: postId }, data: { version: { increment: 1 }, updatedAt: post.updatedAt }, select: { version: true } });
    return { postId, version: saved.version, posts: false, labels: false, redirects: false };
  });
}
