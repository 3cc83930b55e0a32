import { PostLabels } from "@/components/post/post-labels";
import { PostBody } from "@/components/post/post-body";
import { PostedBy } from "@/components/post/posted-by";
import { type BlogClock, formatDateHeader } from "@/lib/dates";
import { messagesFor } from "@/lib/messages";

export interface ArticlePost {
  title: string;
  bodyHtml: string;
  publishedAt: Date;
  authorName: string;
  authorSlug: string | null;
  labels: { name: string; slug: string }[];
}

/** A post as readers see it on its own page: date header, title, body, byline and labels. */
export function PostArticle({ post, clock }: { post: ArticlePost; clock: BlogClock }) {
  return (
    <>
      <p className="date-header">{formatDateHeader(post.publishedAt, clock.timeZone, clock.locale)}</p>
      <article className="post post-full">
        <h1 className="post-title">{post.title}</h1>
        <PostBody className="post-body" html={post.bodyHtml} eagerFirst />
        <footer className="post-footer">
          <PostedBy post={post} clock={clock} />
          <PostLabels labels={post.labels} t={messagesFor(clock.locale)} />
        </footer>
      </article>
    </>
  );
}
