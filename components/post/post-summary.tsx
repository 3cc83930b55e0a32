import Link from "next/link";
import { PostLabels } from "@/components/post/post-labels";
import { RichHtml } from "@/components/post/rich-html";
import { formatTime } from "@/lib/dates";
import type { PostSummary as PostSummaryData } from "@/lib/queries/post-lists";

export function commentCountLabel(count: number): string {
  if (count === 0) return "No comments";
  return count === 1 ? "1 comment" : `${count} comments`;
}

export function PostSummary({ post, timeZone }: { post: PostSummaryData; timeZone: string }) {
  return (
    <article className="post" aria-labelledby={`post-${post.id}`}>
      <h3 className="post-title" id={`post-${post.id}`}>
        <Link href={post.permalink}>{post.title}</Link>
      </h3>
      {post.excerpt ? (
        <div className="post-body">
          <p>{post.excerpt}</p>
          <p>
            <Link href={post.permalink}>
              Read more<span className="visually-hidden"> of {post.title}</span>
            </Link>
          </p>
        </div>
      ) : (
        <RichHtml className="post-body" html={post.bodyHtml} />
      )}
      <footer className="post-footer">
        <span>
          Posted by {post.authorName} at{" "}
          <time dateTime={post.publishedAt.toISOString()}>{formatTime(post.publishedAt, timeZone)}</time>
        </span>
        <PostLabels labels={post.labels} />
        <Link href={`${post.permalink}#comments`}>
          {commentCountLabel(post.commentCount)}
          <span className="visually-hidden"> on {post.title}</span>
        </Link>
      </footer>
    </article>
  );
}
