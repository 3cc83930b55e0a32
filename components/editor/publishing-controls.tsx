"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { PostStanding } from "@/app/(dashboard)/dashboard/posts/actions";
import { formatClock } from "./post-content";
import styles from "./post-editor.module.css";

export type Command = "publish" | "schedule" | "redate" | "unpublish" | "trash" | "restore" | "delete";

interface Props {
  postId: string;
  standing: PostStanding;
  timeZone: string;
  busy: boolean;
  disabled: boolean;
  onCommand: (command: Command, localDateTime?: string) => void;
}

/** What the post is now (draft, scheduled, published, in the trash) and the buttons that change it. */
export function PublishingControls({ postId, standing, timeZone, busy, disabled, onCommand }: Props) {
  const [when, setWhen] = useState("");
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const inactive = busy || disabled;
  const scheduled = standing.status === "SCHEDULED" && standing.publishedAt !== null && new Date(standing.publishedAt) > new Date();
  const published = standing.status === "PUBLISHED";

  return (
    <section className={styles.publishing} aria-labelledby="publishing-heading">
      <h2 id="publishing-heading">Publishing</h2>
      <p>
        Status: <strong>{describeStanding(standing, scheduled, timeZone)}</strong>
        {standing.permalink && (standing.status === "PUBLISHED" || (standing.status === "SCHEDULED" && !scheduled)) && !standing.trashedAt && (
          <>
            {" "}
            at <a href={standing.permalink}>{standing.permalink}</a>
          </>
        )}
      </p>
      <div className={styles.inline}>
        {standing.trashedAt ? (
          <>
            <button type="button" disabled={inactive} onClick={() => onCommand("restore")}>
              Restore
            </button>
            <button type="button" className={styles.danger} disabled={inactive} onClick={() => confirmDialog.current?.showModal()}>
              Delete for ever
            </button>
          </>
        ) : (
          <>
            {standing.status !== "PUBLISHED" && (
              <button type="button" disabled={inactive} onClick={() => onCommand("publish")}>
                {scheduled ? "Publish now" : "Publish"}
              </button>
            )}
            {standing.status !== "DRAFT" && (
              <button type="button" disabled={inactive} onClick={() => onCommand("unpublish")}>
                Unpublish
              </button>
            )}
            <button type="button" disabled={inactive} onClick={() => onCommand("trash")}>
              Move to trash
            </button>
          </>
        )}
        <Link href={`/dashboard/posts/${postId}/preview`} target="_blank">
          Preview<span className="visually-hidden"> (opens in a new tab)</span>
        </Link>
        <Link href={`/dashboard/posts/${postId}/revisions`}>Revisions</Link>
      </div>
      {!standing.trashedAt && (
        <form
          className={styles.inline}
          onSubmit={(event) => {
            event.preventDefault();
            onCommand(published ? "redate" : "schedule", when);
          }}
        >
          <label htmlFor="schedule-at">
            {published ? "Published on" : "Publish at"} ({timeZone} time)
          </label>
          <input id="schedule-at" type="datetime-local" required value={when} onChange={(event) => setWhen(event.target.value)} />
          <button type="submit" disabled={inactive}>
            {published ? "Change date" : scheduled ? "Reschedule" : "Schedule"}
          </button>
        </form>
      )}
      <dialog ref={confirmDialog} className={styles.dialog} aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this post for ever?</h2>
        <p>The post, its comments and its revisions will be gone. This cannot be undone.</p>
        <form method="dialog" className={styles.inline}>
          <button
            type="submit"
            className={styles.danger}
            onClick={() => {
              onCommand("delete");
            }}
          >
            Delete for ever
          </button>
          <button type="submit" autoFocus>
            Cancel
          </button>
        </form>
      </dialog>
    </section>
  );
}

function describeStanding(standing: PostStanding, scheduled: boolean, timeZone: string) {
  if (standing.trashedAt) return "In the trash";
  if (standing.status === "DRAFT") return "Draft";
  if (scheduled) return `Scheduled for ${formatClock(standing.publishedAt!, timeZone, { withDay: true })} (${timeZone})`;
  return "Published";
}
