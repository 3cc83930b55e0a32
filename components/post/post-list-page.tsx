import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Pager } from "@/components/post/pager";
import { PostsByDay } from "@/components/post/posts-by-day";
import { encodeCursor, parseCursor } from "@/lib/cursor";
import type { ListScope, PageRequest } from "@/lib/queries/post-lists";
import { getPostList } from "@/lib/reader";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";

export interface PostListPageProps {
  scope: ListScope;
  /** The list's first page, e.g. "/label/books"; later pages are `${basePath}/page/<cursor>`. */
  basePath: string;
  /** The cursor segment from the URL, on pages after the first. */
  cursor?: string;
  heading: ReactNode;
  /** Shown when the list is empty. */
  empty: ReactNode;
}

/** Home, archive and label pages: posts under date headers with "Newer posts" / "Older posts". */
export async function PostListPage({ scope, basePath, cursor, heading, empty }: PostListPageProps) {
  let page: PageRequest = {};
  if (cursor !== undefined) page = parseCursor(cursor) ?? notFound();
  const settings = await getBlogSettings();
  const list = await getPostList(scope, page, settings.postsPerPage);
  if (cursor !== undefined && list.posts.length === 0) notFound();
  const pagePath = (direction: "older" | "newer", at: NonNullable<typeof list.older>) =>
    `${basePath === "/" ? "" : basePath}/page/${encodeCursor(direction, at)}`;
  return (
    <>
      {heading}
      {list.posts.length === 0 ? <p className="empty">{empty}</p> : <PostsByDay posts={list.posts} clock={settings} />}
      <Pager
        newerHref={list.newer ? pagePath("newer", list.newer) : undefined}
        olderHref={list.older ? pagePath("older", list.older) : undefined}
        homeHref={cursor !== undefined ? "/" : undefined}
        t={messagesFor(settings.locale)}
      />
    </>
  );
}
