import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { labelSlug } from "@/lib/permalinks";
import { getPostForUser } from "@/lib/posts/access";
import { writableFields } from "@/lib/posts/write";

const labelNames = { select: { label: { select: { name: true, slug: true } } }, orderBy: { label: { name: "asc" } } } as const;

/**
 * Everything the editor needs about one post: the words it edits (the pending version when there
 * is one, else the post as stored) and whether they are live yet.
 */
export async function getPostForEditing({ user, postId }: { user: DashboardUser; postId: string }) {
  const post = await getPostForUser(user, postId, {
    select: { ...writableFields, commentsOpen: true, labels: labelNames, pendingEdit: true },
  });
  const { labels, pendingEdit, ...rest } = post;
  const live = { ...rest, excerpt: rest.excerpt ?? "", labels: labels.map((entry) => entry.label.name) };
  if (!pendingEdit) return { ...live, pendingSince: null };
  const { title, slug, bodyHtml, excerpt, labels: pendingLabels, featuredImageId, updatedAt } = pendingEdit;
  return { ...live, title, slug, bodyHtml, excerpt: excerpt ?? "", labels: pendingLabels, featuredImageId, updatedAt, pendingSince: updatedAt };
}

export type PostForEditing = Awaited<ReturnType<typeof getPostForEditing>>;

/** Where the post stands, for the editor's status line and controls (dates as ISO text for the browser). */
export function standingOf({ version, status, permalink, publishedAt, trashedAt, pendingSince }: PostForEditing) {
  return {
    version,
    status,
    permalink,
    publishedAt: publishedAt?.toISOString() ?? null,
    trashedAt: trashedAt?.toISOString() ?? null,
    pendingSince: pendingSince?.toISOString() ?? null,
  };
}

export type PostStanding = ReturnType<typeof standingOf>;

/** The post as readers will see it after Update (labels with their slugs, the author's name), for the preview. */
export async function getPostForPreview({ user, postId }: { user: DashboardUser; postId: string }) {
  const post = await getPostForUser(user, postId, {
    select: { id: true, title: true, bodyHtml: true, publishedAt: true, author: { select: { name: true, slug: true } }, labels: labelNames, pendingEdit: true },
  });
  const labels = post.labels.map((entry) => entry.label);
  const preview = { id: post.id, title: post.title, bodyHtml: post.bodyHtml, publishedAt: post.publishedAt, authorName: post.author.name, authorSlug: post.author.slug, labels, changesNotLive: false };
  if (!post.pendingEdit) return preview;
  const { title, bodyHtml, labels: pendingLabels } = post.pendingEdit;
  return { ...preview, title, bodyHtml, changesNotLive: true, labels: pendingLabels.map((name) => labels.find((label) => label.name === name) ?? { name, slug: labelSlug(name) }) };
}
