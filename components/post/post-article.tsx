import { PostLabels } from "@/components/post/post-labels";
import { PostBody } from "@/components/post/post-body";
import { PostedBy } from "@/components/post/posted-by";
import { formatDateHeader } from "@/lib/dates";

export interface ArticlePost {
  title: string;
  bodyHtml: string;
  publishedAt: Date;
  authorName: string;
  authorSlug: string | null;
  labels: { name: string; slug: string }[];
}

/** A post as readers see it on its own page: date header, title, body, byline and labels. */
export function PostArticle({ post, timeZone }: { post: ArticlePost; timeZone: string }) {
  return (
    <>
      <p className="date-header">{formatDateHeader(post.publishedAt, timeZone)}</p>
      <article className="post post-full">
        <h1 className="post-title">{post.title}</h1>
        <PostBody className="post-body" html={post.bodyHtml} eagerFirst />
        <footer className="post-footer">
          <PostedBy post={post} timeZone={timeZone} />
          <PostLabels labels={post.labels} />
        </footer>
      </article>
    </>
  );
}
