import "server-only";
import type { DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { sanitizePostHtml } from "@/lib/html";
import type { PostContent } from "@/lib/validation/posts";
import { permalinkFor } from "@/lib/permalinks";
import { resolveLabels } from "@/lib/posts/labels";
import { movePermalink } from "@/lib/posts/permalink-move";
import { recordRevision } from "@/lib/posts/revisions";
import { postForWrite, reachesReaders, type WriteOutcome } from "@/lib/posts/write";

interface SavePostOptions {
  user: DashboardUser;
  postId: string;
  expectedVersion: number;
  content: PostContent;
  timeZone: string;
  now: Date;
}

/**
 * Saves the editor's content over `expectedVersion` (a stale version changes nothing), keeping a
 * revision when the words changed. A new slug on a post that has a permalink moves it, with a
 * redirect from the old address.
 */
export async function savePost({ user, postId, expectedVersion, content, timeZone, now }: SavePostOptions): Promise<WriteOutcome & { bodyHtml: string; permalink: string | null }> {
  return db.$transaction(async (tx) => {
    const post = await postForWrite(tx, user, postId, expectedVersion);
    const words = { title: content.title, bodyHtml: sanitizePostHtml(content.bodyHtml), excerpt: content.excerpt || null };
    const wordsChanged = words.title !== post.title || words.bodyHtml !== post.bodyHtml || words.excerpt !== post.excerpt;

    const permalink = post.permalink && post.publishedAt ? permalinkFor(content.slug, post.publishedAt, timeZone) : post.permalink;
    const { redirectsChanged } = permalink ? await movePermalink(tx, { postId, from: post.permalink, to: permalink }) : { redirectsChanged: false };

    const labels = await resolveLabels(tx, content.labels);
    const before = await tx.postLabel.findMany({ where: { postId }, select: { labelId: true } });
    const labelsChanged = labels.created || before.length !== labels.ids.length || before.some((row) => !labels.ids.includes(row.labelId));
    if (labelsChanged) {
      await tx.postLabel.deleteMany({ where: { postId } });
      await tx.postLabel.createMany({ data: labels.ids.map((labelId) => ({ postId, labelId })) });
    }

    const saved = await tx.post.update({
      where: { id: postId },
      data: { ...words, slug: content.slug, featuredImageId: content.featuredImageId, permalink, version: { increment: 1 }, updatedAt: now },
      select: { version: true },
    });
    if (wordsChanged) await recordRevision(tx, { postId, authorId: user.id, kind: "EDIT", content: words, now });

    return {
      postId,
      version: saved.version,
      bodyHtml: words.bodyHtml,
      permalink,
      posts: reachesReaders(post),
      labels: labelsChanged && reachesReaders(post),
      redirects: redirectsChanged,
    };
  });
}
