import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { getPostForUser } from "@/lib/posts/access";
import { writableFields } from "@/lib/posts/write";

/** Everything the editor needs about one post, as it is stored now. */
export async function getPostForEditing({ user, postId }: { user: DashboardUser; postId: string }) {
  const post = await getPostForUser(user, postId, {
    select: {
      ...writableFields,
      featuredImageId: true,
      updatedAt: true,
      labels: { select: { label: { select: { name: true } } }, orderBy: { label: { name: "asc" } } },
    },
  });
  const { labels, ...rest } = post;
  return { ...rest, excerpt: rest.excerpt ?? "", labels: labels.map((entry) => entry.label.name) };
}

export type PostForEditing = Awaited<ReturnType<typeof getPostForEditing>>;

/** The post as readers will see it (labels with their slugs, the author's name), for the preview. */
export async function getPostForPreview({ user, postId }: { user: DashboardUser; postId: string }) {
  const post = await getPostForUser(user, postId, {
    select: {
      id: true,
      title: true,
      bodyHtml: true,
      publishedAt: true,
      author: { select: { name: true } },
      labels: { select: { label: { select: { name: true, slug: true } } }, orderBy: { label: { name: "asc" } } },
    },
  });
  return { ...post, authorName: post.author.name, labels: post.labels.map((entry) => entry.label) };
}

