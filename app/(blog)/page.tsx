import type { Metadata } from "next";
import { PostsByDay } from "@/components/post/posts-by-day";
import { getNewestPosts } from "@/lib/posts";
import { getBlogSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getBlogSettings();
  return { title: settings.blogTitle, description: settings.description || undefined };
}

export default async function HomePage() {
  const settings = await getBlogSettings();
  const posts = await getNewestPosts({ limit: settings.postsPerPage });
  return (
    <>
      <h1 className="visually-hidden">Newest posts on {settings.blogTitle}</h1>
      {posts.length === 0 ? (
        <p className="empty">Nothing has been published here yet.</p>
      ) : (
        <PostsByDay posts={posts} timeZone={settings.timeZone} />
      )}
    </>
  );
}
