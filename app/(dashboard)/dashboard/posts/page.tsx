import type { Metadata } from "next";
import Link from "next/link";
import { PostFilters } from "@/components/dashboard/posts/post-filters";
import { PostTable } from "@/components/dashboard/posts/post-table";
import { Button } from "@/components/ui/button";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { listLabelNames } from "@/lib/posts/labels";
import { listDashboardPosts } from "@/lib/posts/list";
import { getBlogSettings } from "@/lib/settings";
import { postListQuery } from "@/lib/validation/posts";
import { createDraftAction } from "@/lib/actions/dashboard/posts";
import styles from "@/components/dashboard/posts/posts.module.css";

export const metadata: Metadata = { title: "Posts", robots: { index: false } };

export default async function PostsPage({ searchParams }: PageProps<"/dashboard/posts">) {
  const user = await requireDashboardPage("/dashboard/posts");
  const query = postListQuery.parse(await searchParams);
  const now = new Date();
  const [settings, labels, list] = await Promise.all([
    getBlogSettings(),
    listLabelNames(),
    listDashboardPosts({ user, now, state: query.status, label: query.label, search: query.q, page: query.page }),
  ]);
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (query.status) params.set("status", query.status);
    if (query.label) params.set("label", query.label);
    if (query.q) params.set("q", query.q);
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return `/dashboard/posts${search ? `?${search}` : ""}`;
  };
  return (
    <>
      <div className={styles.heading}>
        <h1>Posts</h1>
        <form action={createDraftAction}>
          <Button type="submit" intent="primary">
            New post
          </Button>
        </form>
      </div>
      <PostFilters query={query} labels={labels} />
      <p role="status">
        {list.total === 1 ? "1 post" : `${list.total} posts`}
        {list.pageCount > 1 && `, page ${list.page} of ${list.pageCount}`}
      </p>
      <PostTable posts={list.posts} timeZone={settings.timeZone} />
      {list.pageCount > 1 && (
        <nav className={styles.pager} aria-label="Pages of posts">
          {list.page > 1 ? <Link href={pageHref(list.page - 1)}>Newer changes</Link> : <span />}
          {list.page < list.pageCount ? <Link href={pageHref(list.page + 1)}>Older changes</Link> : <span />}
        </nav>
      )}
    </>
  );
}
