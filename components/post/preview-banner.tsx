import Link from "next/link";
import styles from "./preview-banner.module.css";

/** Above a post's preview: it is not what readers see yet, and the way back to the editor. */
export function PreviewBanner({ postId, changesNotLive }: { postId: string; changesNotLive: boolean }) {
  return (
    <p className={styles.banner} role="note">
      <strong>Preview</strong>: {changesNotLive ? "readers still see the published version until you press Update." : "readers see this only once the post is published."}{" "}
      <Link href={`/dashboard/posts/${postId}`}>Back to the editor</Link>
    </p>
  );
}
