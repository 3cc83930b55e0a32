import type { Metadata } from "next";
import Link from "next/link";
import {
  deletePageAction,
  discardPageChangesAction,
  publishPageAction,
  unpublishPageAction,
  updatePageAction,
} from "@/lib/actions/dashboard/pages";
import { PageCommandForm } from "@/components/static-pages/page-command-form";
import { PageForm } from "@/components/static-pages/page-form";
import styles from "@/components/static-pages/static-pages.module.css";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { formatDateTime, formatTime } from "@/lib/dates";
import { orNotFound } from "@/lib/dashboard/or-not-found";
import { getBlogSettings } from "@/lib/settings";
import { getPageForEditing } from "@/lib/static-pages/editing";

export const metadata: Metadata = { title: "Edit page", robots: { index: false } };

export default async function EditPagePage({ params }: PageProps<"/dashboard/pages/[id]">) {
  const { id } = await params;
  const user = await requireDashboardPage(`/dashboard/pages/${encodeURIComponent(id)}`);
  const [page, { timeZone }] = await Promise.all([orNotFound(getPageForEditing({ user, pageId: id })), getBlogSettings()]);
  const published = page.status === "PUBLISHED";
  return (
    <>
      <p className={styles.back}>
        <Link href="/dashboard/pages">All pages</Link>
      </p>
      <h1>Edit “{page.title}”</h1>
      <section className={styles.status} aria-labelledby="status-heading">
        <h2 id="status-heading" className="visually-hidden">
          Status
        </h2>
        <p>
          {published ? (
            <>
              Published at <Link href={`/p/${page.liveSlug}`}>/p/{page.liveSlug}</Link>
              {page.pendingSince ? (
                <> · changes not yet live, saved {formatTime(page.pendingSince, timeZone)}. Readers see them once you press Update.</>
              ) : (
                " · up to date."
              )}
            </>
          ) : (
            "Draft: readers cannot see it yet. Publishing shows them the last saved text."
          )}{" "}
          Last published or saved <time dateTime={page.updatedAt.toISOString()}>{formatDateTime(page.updatedAt, timeZone)}</time>.
        </p>
        {published && page.pendingSince && (
          <div className={styles.commands}>
            <PageCommandForm action={updatePageAction} pageId={page.id} submitLabel="Update" intent="primary" />
            <PageCommandForm
              action={discardPageChangesAction}
              pageId={page.id}
              submitLabel="Discard changes"
              confirm="Discard the changes that are not live yet? The form will show the live page again."
            />
          </div>
        )}
        {published ? (
          <PageCommandForm action={unpublishPageAction} pageId={page.id} submitLabel="Unpublish" />
        ) : (
          <PageCommandForm action={publishPageAction} pageId={page.id} submitLabel="Publish" intent="primary" />
        )}
      </section>
      <PageForm page={page} />
      <details className={styles.danger}>
        <summary>Delete this page</summary>
        <PageCommandForm action={deletePageAction} pageId={page.id} submitLabel="Delete page" intent="destructive">
          <div className={styles.confirm}>
            <input type="checkbox" id="confirm-delete" name="confirm" value="yes" required />
            <label htmlFor="confirm-delete">Yes, delete “{page.title}” for good{published ? " (readers will no longer find it)" : ""}</label>
          </div>
        </PageCommandForm>
      </details>
    </>
  );
}
