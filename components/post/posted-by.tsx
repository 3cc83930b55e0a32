import Link from "next/link";
import { type BlogClock, formatTime } from "@/lib/dates";
import { messagesFor } from "@/lib/messages";
import { authorPath } from "@/lib/permalinks";

/** "Posted by <name> at <time>": the name leads to the author's page when they have one. */
export function PostedBy({ post, clock }: { post: { authorName: string; authorSlug: string | null; publishedAt: Date }; clock: BlogClock }) {
  const t = messagesFor(clock.locale);
  return (
    <span>
      {t.postedBy} {post.authorSlug ? <Link href={authorPath(post.authorSlug)}>{post.authorName}</Link> : post.authorName} {t.at}{" "}
      <time dateTime={post.publishedAt.toISOString()}>{formatTime(post.publishedAt, clock.timeZone, clock.locale)}</time>
    </span>
  );
}
