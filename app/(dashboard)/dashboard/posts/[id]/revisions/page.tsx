import type { Metadata } from "next";
import Link from "next/link";
import { REVISION_KIND_LABELS } from "@/components/revisions/revision-kind";
import styles from "@/components/revisions/revisions.module.css";
import { StackingTable } from "@/components/ui/table";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { formatDateTime } from "@/lib/dates";
import { orNotFound } from "@/lib/dashboard/or-not-found";
import { listRevisions } from "@/lib/posts/revision-history";
import { getBlogSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Revisions", robots: { index: false } };

export default async function RevisionsPage({ params }: PageProps<"/dashboard/posts/[id]/revisions">) {
  const { id } = await params;
  const postPath = `/dashboard/posts/${encodeURIComponent(id)}`;
  const user = await requireDashboardPage(`${postPath}/revisions`);
  const [{ post, revisions }, { timeZone }] = await Promise.all([orNotFound(listRevisions({ user, postId: id })), getBlogSettings()]);
  return (
    <>
      <p className={styles.back}>
        <Link href={postPath}>Back to the post</Link>
      </p>
      <h1>Revisions of “{post.title || "(untitled draft)"}”</h1>
      {revisions.length === 0 ? (
        <p>No revisions yet: one is kept each time the post is saved, published or restored.</p>
      ) : (
        <StackingTable caption={<span className={styles.caption}>Newest first. Open one to compare it with the current text or restore it.</span>}>
          <thead>
            <tr>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id}>
                <td>
                  <Link href={`${postPath}/revisions/${encodeURIComponent(revision.id)}`}>
                    <time dateTime={revision.updatedAt.toISOString()}>{formatDateTime(revision.updatedAt, timeZone)}</time>
                  </Link>
                </td>
                <td data-label="By">{revision.author.name}</td>
                <td data-label="What happened">{REVISION_KIND_LABELS[revision.kind]}</td>
              </tr>
            ))}
          </tbody>
        </StackingTable>
      )}
    </>
  );
}
