import { PostSummary } from "@/components/post/post-summary";
import { type BlogClock, formatDateHeader, localDayKey } from "@/lib/dates";
import type { PostSummary as PostSummaryData } from "@/lib/queries/post-lists";

/** Posts under Blogger's date headers: one header per day in the blog's time zone. */
export function PostsByDay({ posts, clock }: { posts: PostSummaryData[]; clock: BlogClock }) {
  const days: { key: string; header: string; posts: PostSummaryData[] }[] = [];
  for (const post of posts) {
    const key = localDayKey(post.publishedAt, clock.timeZone);
    const day = days.at(-1);
    if (day?.key === key) day.posts.push(post);
    else days.push({ key, header: formatDateHeader(post.publishedAt, clock.timeZone, clock.locale), posts: [post] });
  }
  return days.map((day) => (
    <section className="day" key={day.key} aria-label={day.header}>
      <h2 className="date-header">{day.header}</h2>
      {day.posts.map((post) => (
        <PostSummary key={post.id} post={post} clock={clock} />
      ))}
    </section>
  ));
}
