import type { Metadata } from "next";
import Link from "next/link";
import { DiffLegend, DiffText } from "@/components/revisions/diff-text";
import { RestoreRevisionForm } from "@/components/revisions/restore-revision-form";
import { REVISION_KIND_LABELS } from "@/components/revisions/revision-kind";
import styles from "@/components/revisions/revisions.module.css";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { formatDateTime } from "@/lib/dates";
import { orNotFound } from "@/lib/dashboard/or-not-found";
import { diffRevisionWithCurrent, hasChanges, type DiffPart } from "@/lib/posts/revision-diff";
import { getRevision } from "@/lib/posts/revision-history";
import { getBlogSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Compare a revision", robots: { index: false } };

export default async function RevisionPage({ params }: PageProps<"/dashboard/posts/[id]/revisions/[revisionId]">) {
  const { id, revisionId } = await params;
  const revisionsPath = `/dashboard/posts/${encodeURIComponent(id)}/revisions`;
  const user = await requireDashboardPage(`${revisionsPath}/${encodeURIComponent(revisionId)}`);
  const [{ post, revision }, { timeZone }] = await Promise.all([orNotFound(getRevision({ user, postId: id, revisionId })), getBlogSettings()]);
  const diff = diffRevisionWithCurrent(revision, post);
  const unchanged = !hasChanges(diff.title) && !hasChanges(diff.body) && !hasChanges(diff.excerpt);
  const savedAt = formatDateTime(revision.updatedAt, timeZone);
  return (
    <>
      <p className={styles.back}>
        <Link href={revisionsPath}>All revisions of this post</Link>
      </p>
      <h1>Revision of {savedAt}</h1>
      <p className={styles.meta}>
        {REVISION_KIND_LABELS[revision.kind]} by {revision.author.name}, <time dateTime={revision.updatedAt.toISOString()}>{savedAt}</time>.
        Compared with the post’s current text.
      </p>
      {unchanged ? (
        <p>This revision is the same as the current text.</p>
      ) : (
        <>
          <DiffLegend />
          <DiffSection heading="Title" parts={diff.title} />
          <DiffSection heading="Body" parts={diff.body} />
          {(revision.excerpt || post.excerpt) && <DiffSection heading="Excerpt" parts={diff.excerpt} />}
        </>
      )}
      <section className={styles.restore} aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore</h2>
        <p>
          Restoring puts this revision’s title, body and excerpt back on the post. The restore is kept as a revision too, so it can be undone.
          {post.status === "PUBLISHED" && " The post is published: readers see the restored text at once."}
          {post.status === "SCHEDULED" && " The post is scheduled: it will appear with the restored text."}
        </p>
        <RestoreRevisionForm postId={post.id} revisionId={revision.id} postVersion={post.version} />
      </section>
    </>
  );
}

function DiffSection({ heading, parts }: { heading: string; parts: DiffPart[] }) {
  return (
    <section className={styles.section}>
      <h2>{heading}</h2>
      {parts.length > 0 ? <DiffText parts={parts} /> : <p className={styles.meta}>Empty in both.</p>}
    </section>
  );
}
