import Link from "next/link";
import styles from "./preview-banner.module.css";

/** Above a post's preview: it is not what readers see yet, and the way back to the editor. */
export function PreviewBanner({ postId }: { postId: string }) {
  return (
    <p className={styles.banner} role="note">
      <strong>Preview</strong>: readers see this only once the post is published. <Link href={`/dashboard/posts/${postId}`}>Back to the editor</Link>
    </p>
  );
}
