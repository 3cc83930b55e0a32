import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import type { DashboardPostState } from "@/lib/posts/list";
import styles from "./posts.module.css";

interface Row {
  id: string;
  title: string;
  state: DashboardPostState;
  publishedAt: Date | null;
  updatedAt: Date;
  authorName: string;
  labels: { name: string; slug: string }[];
  commentCount: number;
}


function stateText(row: Row, timeZone: string) {
  switch (row.state) {
    case "draft":
      return "Draft";
    case "scheduled":
      return `Scheduled for ${formatDateTime(row.publishedAt!, timeZone)}`;
    case "published":
      return "Published";
    case "trash":
      return "Trash";
  }
}

export function PostTable({ posts, timeZone }: { posts: Row[]; timeZone: string }) {
  if (posts.length === 0) return <p>No posts match.</p>;
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">Posts, most recently changed first</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Labels</th>
          <th scope="col">Comments</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {posts.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={`/dashboard/posts/${row.id}`}>{row.title}</Link>
              <span className={styles.byline}> by {row.authorName}</span>
            </td>
            <td>{stateText(row, timeZone)}</td>
            <td>{row.labels.map((label) => label.name).join(", ")}</td>
            <td>{row.commentCount}</td>
            <td>
              <time dateTime={row.updatedAt.toISOString()}>{formatDateTime(row.updatedAt, timeZone)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
