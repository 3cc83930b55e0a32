import type { Metadata } from "next";
import { PostListPage } from "@/components/post/post-list-page";
import { messagesFor } from "@/lib/messages";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { cursorParams } from "@/lib/static-params";

export const generateStaticParams = cursorParams;


export async function generateMetadata({ params }: PageProps<"/page/[cursor]">): Promise<Metadata> {
  const [{ cursor }, { locale }] = await Promise.all([params, getBlogSettings()]);
  return pageMetadata({ title: messagesFor(locale).olderPosts, path: `/page/${cursor}` });
}

export default async function HomeLaterPage({ params }: PageProps<"/page/[cursor]">) {
  const [{ cursor }, { locale }] = await Promise.all([params, getBlogSettings()]);
  const t = messagesFor(locale);
  return (
    <PostListPage
      scope={{ kind: "all" }}
      basePath="/"
      cursor={cursor}
      heading={<h1 className="visually-hidden">{t.morePosts}</h1>}
      empty={t.noMorePosts}
    />
  );
}
