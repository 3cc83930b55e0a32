import Link from "next/link";
import { PostLabels } from "@/components/post/post-labels";
import { PostBody } from "@/components/post/post-body";
import { PostedBy } from "@/components/post/posted-by";
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
      {post.featuredImage && (
        // Stored files are served as they are (already resized): Next's image optimiser has nothing to add.
        // eslint-disable-next-line @next/next/no-img-element -- alt is empty: the title beside it names the post
        <img
          className="post-featured-image"
          src={post.featuredImage.url}
          srcSet={post.featuredImage.srcSet ?? undefined}
          sizes="8rem"
          width={post.featuredImage.width}
          height={post.featuredImage.height}
          alt=""
          loading="lazy"
          decoding="async"
        />
      )}
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
        <PostBody className="post-body" html={post.bodyHtml} eagerFirst={false} />
      )}
      <footer className="post-footer">
        <PostedBy post={post} timeZone={timeZone} />
        <PostLabels labels={post.labels} />
        <Link href={`${post.permalink}#comments`}>
          {commentCountLabel(post.commentCount)}
          <span className="visually-hidden"> on {post.title}</span>
        </Link>
      </footer>
    </article>
  );
}
