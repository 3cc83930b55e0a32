import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostEditor } from "@/components/editor/post-editor";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { NotFoundError } from "@/lib/errors";
import { getPostForEditing, standingOf } from "@/lib/posts/editing";
import { listLabelNames } from "@/lib/posts/labels";
import { getBlogSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Edit post", robots: { index: false } };

export default async function EditPostPage({ params }: PageProps<"/dashboard/posts/[id]">) {
  const { id } = await params;
  const user = await requireDashboardPage(`/dashboard/posts/${encodeURIComponent(id)}`);
  const post = await getPostForEditing({ user, postId: id }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [settings, labels] = await Promise.all([getBlogSettings(), listLabelNames()]);
  return (
    <>
      <p>
        <Link href="/dashboard/posts">All posts</Link>
      </p>
      <h1>Edit post</h1>
      <PostEditor
        // One editor per post: a refresh of this page keeps what is being typed, and another post
        // (say, "New post" just after publishing) opens a fresh editor, never this one's state.
        key={post.id}
        post={{
          id: post.id,
          title: post.title,
          slug: post.slug,
          excerpt: post.excerpt,
          labels: post.labels,
          bodyHtml: post.bodyHtml,
          version: post.version,
          featuredImageId: post.featuredImageId,
          updatedAt: post.updatedAt.toISOString(),
          commentsOpen: post.commentsOpen,
          standing: standingOf(post),
        }}
        timeZone={settings.timeZone}
        knownLabels={labels.map((label) => label.name)}
      />
    </>
  );
}
