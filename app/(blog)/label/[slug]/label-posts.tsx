import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostListPage } from "@/components/post/post-list-page";
import { messagesFor } from "@/lib/messages";
import { getLabel } from "@/lib/reader";
import { redirectOrNotFound } from "@/lib/redirect-or-not-found";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { slugParam } from "@/lib/validation/reader";

// Shared by a label's first page and the pages after it.

export async function labelMetadata(rawSlug: string, cursor?: string): Promise<Metadata> {
  const label = slugParam.safeParse(rawSlug).success ? await getLabel({ slug: rawSlug }) : null;
  if (!label) return {};
  const t = messagesFor((await getBlogSettings()).locale);
  return pageMetadata({
    title: t.postsWithLabel(label.name),
    path: cursor ? `/label/${label.slug}/page/${cursor}` : `/label/${label.slug}`,
    label,
  });
}

export async function LabelPosts({ slug: rawSlug, cursor }: { slug: string; cursor?: string }) {
  const slug = slugParam.safeParse(rawSlug).data;
  const label = slug ? await getLabel({ slug }) : null;
  if (!label) return cursor ? notFound() : redirectOrNotFound(`/label/${rawSlug}`);
  const t = messagesFor((await getBlogSettings()).locale);
  return (
    <PostListPage
      scope={{ kind: "label", labelId: label.id }}
      basePath={`/label/${label.slug}`}
      cursor={cursor}
      heading={<h1 className="list-heading">{t.postsWithLabel(label.name)}</h1>}
      empty={t.noPostsWithLabel(label.name)}
    />
  );
}
