import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BlogChrome } from "@/components/blog/blog-chrome";
import { PostArticle } from "@/components/post/post-article";
import { PreviewBanner } from "@/components/post/preview-banner";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { NotFoundError } from "@/lib/errors";
import { getPostForPreview } from "@/lib/posts/editing";
import { getBlogSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/** The post as readers will see it, in the reader's frame, for its author or an admin only, whatever its status. */
export default async function PreviewPage({ params }: PageProps<"/dashboard/posts/[id]/preview">) {
  const { id } = await params;
  const user = await requireDashboardPage(`/dashboard/posts/${encodeURIComponent(id)}/preview`);
  const post = await getPostForPreview({ user, postId: id }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const settings = await getBlogSettings();
  return (
    <BlogChrome>
      <PreviewBanner postId={post.id} changesNotLive={post.changesNotLive} />
      {/* An unpublished post shows the time it would have if it went out now. */}
      <PostArticle post={{ ...post, publishedAt: post.publishedAt ?? new Date() }} clock={settings} />
    </BlogChrome>
  );
}
