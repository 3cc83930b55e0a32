import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPostForUser } from "@/lib/posts/access";

export const STALE_VERSION_MESSAGE = "This post was changed in another tab or by someone else since you loaded it. Nothing was saved.";

export const writableFields = {
  id: true,
  title: true,
  slug: true,
  bodyHtml: true,
  excerpt: true,
  status: true,
  permalink: true,
  publishedAt: true,
  trashedAt: true,
  version: true,
  updatedAt: true,
  featuredImageId: true,
  lastSaveId: true,
} satisfies Prisma.PostSelect;

export type WritablePost = Prisma.PostGetPayload<{ select: typeof writableFields }>;

/**
 * Reads the post for a write inside the caller's transaction, locked until the transaction ends,
 * so two writes of one version cannot both pass.
 */
export async function lockedPostForWrite(tx: Prisma.TransactionClient, user: DashboardUser, postId: string): Promise<WritablePost> {
  await getPostForUser(user, postId, { select: { id: true }, tx });
  await tx.$executeRaw`SELECT 1 FROM "Post" WHERE id = ${postId} FOR UPDATE`;
  return getPostForUser(user, postId, { select: writableFields, tx });
}

/** The locked post for a write, refusing a stale `expectedVersion`. */
export async function postForWrite(tx: Prisma.TransactionClient, user: DashboardUser, postId: string, expectedVersion: number): Promise<WritablePost> {
  const post = await lockedPostForWrite(tx, user, postId);
  refuseStaleVersion(post, expectedVersion);
  return post;
}

export function refuseStaleVersion(post: Pick<WritablePost, "version">, expectedVersion: number) {
  if (post.version !== expectedVersion) throw new ConflictError(STALE_VERSION_MESSAGE);
}

/** Whether readers can see the post now, or will without another write (scheduled). */
export function reachesReaders(post: Pick<WritablePost, "status" | "trashedAt">): boolean {
  return post.status !== "DRAFT" && post.trashedAt === null;
}

/** What a write changed, so the server action expires exactly those cache tags. */
export interface WriteOutcome {
  postId: string;
  version: number;
  /** Readers may see something else now: the post's page and the lists (home, archives, labels, feeds). */
  posts: boolean;
  labels: boolean;
  redirects: boolean;
}
