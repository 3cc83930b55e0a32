import type { Metadata } from "next";
import { PostListPage } from "@/components/post/post-list-page";
import { pageMetadata } from "@/lib/seo";
import { cursorParams } from "@/lib/static-params";

export const generateStaticParams = cursorParams;


export async function generateMetadata({ params }: PageProps<"/page/[cursor]">): Promise<Metadata> {
  const { cursor } = await params;
  return pageMetadata({ title: "Older posts", path: `/page/${cursor}` });
}

export default async function HomeLaterPage({ params }: PageProps<"/page/[cursor]">) {
  const { cursor } = await params;
  return (
    <PostListPage
      scope={{ kind: "all" }}
      basePath="/"
      cursor={cursor}
      heading={<h1 className="visually-hidden">More posts</h1>}
      empty="No more posts."
    />
  );
}
