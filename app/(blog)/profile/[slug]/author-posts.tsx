import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorHeading } from "@/components/author/author-heading";
import { authorPath } from "@/lib/permalinks";
import { PostListPage } from "@/components/post/post-list-page";
import { messagesFor } from "@/lib/messages";
import { getAuthor } from "@/lib/reader";
import { redirectOrNotFound } from "@/lib/redirect-or-not-found";
import { describe, pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { slugParam } from "@/lib/validation/reader";

// Shared by an author's first page and the pages after it.

async function findAuthor(rawSlug: string) {
  return slugParam.safeParse(rawSlug).success ? getAuthor(rawSlug) : null;
}

export async function authorMetadata(rawSlug: string, cursor?: string): Promise<Metadata> {
  const author = await findAuthor(rawSlug);
  if (!author) return {};
  const path = authorPath(author.slug);
  return pageMetadata({ title: author.name, description: describe(author.bio), path: cursor ? `${path}/page/${cursor}` : path });
}

export async function AuthorPosts({ slug, cursor }: { slug: string; cursor?: string }) {
  const author = (await findAuthor(slug)) ?? (cursor ? notFound() : await redirectOrNotFound(authorPath(slug)));
  const t = messagesFor((await getBlogSettings()).locale);
  return (
    <PostListPage
      scope={{ kind: "author", authorId: author.id }}
      basePath={authorPath(author.slug)}
      cursor={cursor}
      heading={<AuthorHeading author={author} t={t} />}
      empty={t.hasNoPosts(author.name)}
    />
  );
}
