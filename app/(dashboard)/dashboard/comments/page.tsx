import type { Metadata } from "next";
import Link from "next/link";
import { ModerationQueueForm } from "@/components/dashboard/moderation-queue";
import { PageLinks } from "@/components/dashboard/page-links";
import { RichHtml } from "@/components/post/rich-html";
import { Button } from "@/components/ui/button";
import listStyles from "@/components/dashboard/dashboard-list.module.css";
import styles from "@/components/dashboard/moderation-queue.module.css";
import { GivenUpNotices } from "@/components/dashboard/given-up-notices";
import { isAdmin, requireDashboardPage } from "@/lib/dashboard/access";
import { listModerationQueue } from "@/lib/dashboard/moderation-queue";
import { pageNumberSchema } from "@/lib/dashboard/paging";
import { formatDateTime } from "@/lib/dates";
import { listGivenUpNotices } from "@/lib/notifications/given-up";
import { getBlogSettings } from "@/lib/settings";
import { queueStatusSchema, type QueueStatus } from "@/lib/validation/comments";

export const metadata: Metadata = { title: "Comments · Dashboard", robots: { index: false } };

const TABS: { status: QueueStatus; label: string }[] = [
  { status: "PENDING", label: "Pending" },
  { status: "SPAM", label: "Spam" },
];

const queueHref = (status: QueueStatus, page = 1) =>
  `/dashboard/comments?${new URLSearchParams({ ...(status === "SPAM" && { status: "spam" }), ...(page > 1 && { page: String(page) }) })}`.replace(/\?$/, "");

export default async function CommentsQueuePage({ searchParams }: PageProps<"/dashboard/comments">) {
  const user = await requireDashboardPage("/dashboard/comments");
  const params = await searchParams;
  const status = queueStatusSchema.parse(typeof params.status === "string" ? params.status.toUpperCase() : undefined);
  const [queue, settings, givenUp] = await Promise.all([
    listModerationQueue({ user, status, page: pageNumberSchema.parse(params.page) }),
    getBlogSettings(),
    isAdmin(user) ? listGivenUpNotices() : null,
  ]);
  const spamTab = status === "SPAM";
  return (
    <>
      <h1>Comments</h1>
      <ul className={listStyles.tabs} aria-label="Which comments">
        {TABS.map((tab) => (
          <li key={tab.status}>
            <Link href={queueHref(tab.status)} aria-current={tab.status === status ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
      <p>
        {queue.total === 0
          ? spamTab
            ? "No comments are marked as spam."
            : "No comments are waiting for you."
          : `${queue.total} ${queue.total === 1 ? "comment" : "comments"} ${spamTab ? "marked as spam" : "awaiting moderation"}, newest first.`}
      </p>
      <ModerationQueueForm key={status} spamTab={spamTab} empty={queue.items.length === 0}>
        <ol className={styles.list}>
          {queue.items.map((comment) => {
            const labelId = `comment-${comment.id}-label`;
            return (
              <li key={comment.id} className={styles.item}>
                <span className={styles.check}>
                  <input type="checkbox" name="commentIds" value={comment.id} aria-labelledby={labelId} />
                </span>
                <p className={styles.meta} id={labelId}>
                  <strong>{comment.writerName}</strong>
                  {comment.guest && <GuestContact {...comment.guest} />} on{" "}
                  {comment.post.permalink ? <Link href={comment.post.permalink} prefetch={false}>
                        {comment.post.title}
                      </Link> : comment.post.title},{" "}
                  <time dateTime={comment.createdAt.toISOString()}>
                    {formatDateTime(comment.createdAt, settings.timeZone)}
                  </time>
                </p>
                <RichHtml className={styles.body} html={comment.bodyHtml} />
                <div className={styles.actions}>
                  <Button type="submit" name="row" value={`approve:${comment.id}`} size="small" aria-describedby={labelId}>
                    Approve
                  </Button>
                  <span className={styles.rowApart}>
                    {!spamTab && (
                      <Button type="submit" name="row" value={`spam:${comment.id}`} intent="destructive" size="small" aria-describedby={labelId}>
                        Mark spam
                      </Button>
                    )}
                    <Button type="submit" name="row" value={`delete:${comment.id}`} intent="destructive" size="small" aria-describedby={labelId}>
                      Delete
                    </Button>
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
      </ModerationQueueForm>
      <PageLinks page={queue.page} pageCount={queue.pageCount} hrefFor={(page) => queueHref(status, page)} label="More comments" />
      {givenUp && <GivenUpNotices notices={givenUp} timeZone={settings.timeZone} />}
    </>
  );
}

/** A guest has no account to look up: what they gave with the comment (the email is never shown on the blog). */
function GuestContact({ url, email }: { url: string | null; email: string | null }) {
  return (
    <>
      {" (guest"}
      {url && (
        <>
          {", "}
          <a href={url} rel="nofollow ugc noopener noreferrer">
            {url}
          </a>
        </>
      )}
      {email && `, ${email}`})
    </>
  );
}
