import Link from "next/link";
import { Count } from "@/components/archive/archive-widget";
import { GadgetFrame } from "@/components/blog/gadgets/gadget-frame";
import { getPopularPosts } from "@/lib/gadgets/reader";
import type { Messages } from "@/lib/messages";
import type { LabelCount } from "@/lib/queries/sidebar";
import { getSidebar } from "@/lib/reader";
import type { ConfigOf } from "@/lib/validation/gadgets";
import styles from "./gadgets.module.css";

interface Props<Kind extends "LABELS" | "POPULAR_POSTS" | "LINK_LIST" | "SUBSCRIBE"> {
  gadgetId: string;
  heading: string;
  config: ConfigOf<Kind>;
  t: Messages;
}

const CLOUD_SIZES = 5;

/** A label's size in the cloud, 1 to 5, by its share of the busiest label's count. */
const cloudSize = (count: number, most: number) => Math.max(1, Math.ceil((count / most) * CLOUD_SIZES));

function sortLabels(labels: LabelCount[], sort: "NAME" | "COUNT"): LabelCount[] {
  return sort === "NAME" ? labels : [...labels].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export async function LabelsGadget({ gadgetId, heading, config }: Props<"LABELS">) {
  const { labels } = await getSidebar();
  if (labels.length === 0) return null;
  const most = Math.max(...labels.map((label) => label.count));
  const cloud = config.display === "CLOUD";
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links className="label-widget">
      <ul className={cloud ? styles.cloud : undefined}>
        {sortLabels(labels, config.sort).map((label) => (
          <li key={label.slug} className={cloud ? styles[`size${cloudSize(label.count, most)}`] : undefined}>
            <Link href={`/label/${label.slug}`}>{label.name}</Link> <Count count={label.count} />
          </li>
        ))}
      </ul>
    </GadgetFrame>
  );
}

export async function PopularPostsGadget({ gadgetId, heading, config, t }: Props<"POPULAR_POSTS">) {
  const posts = await getPopularPosts(config.days, config.count);
  if (posts.length === 0) return null;
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links>
      <ol className={styles.popular}>
        {posts.map((post) => (
          <li key={post.permalink}>
            <Link href={post.permalink}>{post.title}</Link> <span className="count">{t.commentCount(post.comments)}</span>
          </li>
        ))}
      </ol>
    </GadgetFrame>
  );
}

export function LinkListGadget({ gadgetId, heading, config }: Props<"LINK_LIST">) {
  if (config.links.length === 0) return null;
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links>
      <ul>
        {config.links.map((link, index) => (
          <li key={index}>
            <a href={link.url}>{link.text}</a>
          </li>
        ))}
      </ul>
    </GadgetFrame>
  );
}

/** The blog's own feeds, at Blogger's addresses (lib/feed-addresses.mjs). */
export function SubscribeGadget({ gadgetId, heading, config, t }: Props<"SUBSCRIBE">) {
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links>
      <ul>
        <li>
          <Link href="/feeds/posts/default">{t.postsFeed}</Link>
        </li>
        <li>
          <Link href="/feeds/posts/default?alt=rss">{t.postsRss}</Link>
        </li>
        {config.comments && (
          <li>
            <Link href="/feeds/comments/default">{t.commentsFeed}</Link>
          </li>
        )}
      </ul>
    </GadgetFrame>
  );
}
