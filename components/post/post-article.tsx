import { PostLabels } from "@/components/post/post-labels";
import { PostBody } from "@/components/post/post-body";
import { formatDateHeader, formatTime } from "@/lib/dates";

export interface ArticlePost {
  title: string;
  bodyHtml: string;
  publishedAt: Date;
  authorName: string;
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
          <span>
            Posted by {post.authorName} at <time dateTime={post.publishedAt.toISOString()}>{formatTime(post.publishedAt, timeZone)}</time>
          </span>
          <PostLabels labels={post.labels} />
        </footer>
      </article>
    </>
  );
}
