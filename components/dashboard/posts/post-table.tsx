import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import type { DashboardPostState } from "@/lib/posts/list";
import { StackingTable } from "@/components/ui/table";
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
    <StackingTable caption={<span className="visually-hidden">Posts, most recently changed first</span>}>
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
            <td className={styles.title}>
              <Link href={`/dashboard/posts/${row.id}`}>{row.title}</Link>
              <span className={styles.byline}> by {row.authorName}</span>
            </td>
            <td data-label="Status">{stateText(row, timeZone)}</td>
            <td data-label="Labels">{row.labels.map((label) => label.name).join(", ") || "None"}</td>
            <td data-label="Comments">{row.commentCount}</td>
            <td data-label="Updated">
              <time dateTime={row.updatedAt.toISOString()}>{formatDateTime(row.updatedAt, timeZone)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </StackingTable>
  );
}
