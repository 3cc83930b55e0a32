import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sanitizePostHtml } from "@/lib/html";
import { permalinkFor } from "@/lib/permalinks";
import { resolveLabels } from "@/lib/posts/labels";
import { movePermalink } from "@/lib/posts/permalink-move";
import type { WritablePost } from "@/lib/posts/write";
import type { PostContent } from "@/lib/validation/posts";

export interface PostWords {
  title: string;
  bodyHtml: string;
  excerpt: string | null;
}

/** The words as stored: the body sanitized, an empty excerpt as none. */
export function storedWords(content: Pick<PostContent, "title" | "bodyHtml" | "excerpt">): PostWords {
  return { title: content.title, bodyHtml: sanitizePostHtml(content.bodyHtml), excerpt: content.excerpt || null };
}

export const sameWords = (a: PostWords, b: PostWords) => a.title === b.title && a.bodyHtml === b.bodyHtml && a.excerpt === b.excerpt;

/**
 * Writes content onto the post's own row inside the caller's transaction (the version is the
 * caller's to bump). A new slug on a post that has a permalink moves it, with a redirect from the
 * old address; labels are replaced only when they differ.
 */
export async function writeContentToPost(
  tx: Prisma.TransactionClient,
  { post, content, timeZone, now }: { post: WritablePost; content: PostContent; timeZone: string; now: Date },
) {
  const words = storedWords(content);
  const wordsChanged = !sameWords(words, post);
  const permalink = post.permalink && post.publishedAt ? permalinkFor(content.slug, post.publishedAt, timeZone) : post.permalink;
  const { redirectsChanged } = permalink ? await movePermalink(tx, { postId: post.id, from: post.permalink, to: permalink }) : { redirectsChanged: false };

  const labels = await resolveLabels(tx, content.labels);
  const before = await tx.postLabel.findMany({ where: { postId: post.id }, select: { labelId: true } });
  const labelsChanged = labels.created || before.length !== labels.ids.length || before.some((row) => !labels.ids.includes(row.labelId));
  if (labelsChanged) {
    await tx.postLabel.deleteMany({ where: { postId: post.id } });
    await tx.postLabel.createMany({ data: labels.ids.map((labelId) => ({ postId: post.id, labelId })) });
  }
  // An absent featured image leaves the post's as it is (lib/validation/uploads.ts).
  const featured = content.featuredImageId === undefined ? {} : { featuredImageId: content.featuredImageId };
  await tx.post.update({ where: { id: post.id }, data: { ...words, ...featured, slug: content.slug, permalink, updatedAt: now } });
  return { words, slug: content.slug, wordsChanged, permalink, labelsChanged, redirectsChanged };
}
