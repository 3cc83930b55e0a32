import Link from "next/link";
import { formatTime } from "@/lib/dates";

/** "Posted by <name> at <time>": the name leads to the author's page when they have one. */
export function PostedBy({ post, timeZone }: { post: { authorName: string; authorSlug: string | null; publishedAt: Date }; timeZone: string }) {
  return (
    <span>
      Posted by {post.authorSlug ? <Link href={authorPath(post.authorSlug)}>{post.authorName}</Link> : post.authorName} at{" "}
      <time dateTime={post.publishedAt.toISOString()}>{formatTime(post.publishedAt, timeZone)}</time>
    </span>
  );
}

export function authorPath(slug: string): string {
  return `/profile/${slug}`;
}
