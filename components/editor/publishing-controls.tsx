"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { PostStanding } from "@/lib/posts/editing";
import { Button, ButtonGroup, buttonClass } from "@/components/ui/button";
import { DateTimePicker, nextWholeHourTomorrow, zonedMoment, type ZonedMoment } from "./date-time-picker";
import { formatDayAndTime, type EditorPhase } from "./post-content";
import styles from "./post-editor.module.css";

export type Command = "publish" | "schedule" | "redate" | "unpublish" | "update" | "discard" | "trash" | "restore" | "delete";

interface Props {
  postId: string;
  standing: PostStanding;
  phase: EditorPhase;
  timeZone: string;
  busy: boolean;
  disabled: boolean;
  onCommand: (command: Command, moment?: ZonedMoment) => void;
}

/** What the post is now and the buttons that fit it: a draft, a scheduled post, a published one, or one in the trash. */
export function PublishingControls({ postId, standing, phase, timeZone, busy, disabled, onCommand }: Props) {
  const [moment, setMoment] = useState(() =>
    standing.publishedAt && phase !== "draft" ? zonedMoment(new Date(standing.publishedAt), timeZone) : nextWholeHourTomorrow(new Date(), timeZone),
  );
  const deleteDialog = useRef<HTMLDialogElement>(null);
  const discardDialog = useRef<HTMLDialogElement>(null);
  const inactive = busy || disabled;
  const pending = standing.pendingSince !== null;
  const live = phase === "published" || phase === "scheduled";

  const pendingButtons = (
    <>
      <Button intent="primary" disabled={inactive || !pending} onClick={() => onCommand("update")}>
        Update
      </Button>
      <Button disabled={inactive || !pending} onClick={() => discardDialog.current?.showModal()}>
        Discard changes
      </Button>
    </>
  );

  return (
    <section className={styles.publishing} aria-labelledby="publishing-heading">
      <h2 id="publishing-heading">Publishing</h2>
      <p>
        <strong>{describePhase(phase, standing, timeZone)}</strong>
        {standing.permalink && phase === "published" && (
          <>
            {" "}
            at <a href={standing.permalink}>{standing.permalink}</a>
          </>
        )}
      </p>
      {live && <p className={styles.hint}>{pending ? "Your changes are saved but not live: readers see them once you press Update." : "Readers see what is in the editor."}</p>}
      <ButtonGroup
        apart={
          phase === "trash" ? (
            <Button intent="destructive" disabled={inactive} onClick={() => deleteDialog.current?.showModal()}>
              Delete for ever
            </Button>
          ) : (
            <Button intent="destructive" disabled={inactive} onClick={() => onCommand("trash")}>
              Move to trash
            </Button>
          )
        }
      >
        {phase === "draft" && (
          <Button intent="primary" disabled={inactive} onClick={() => onCommand("publish")}>
            Publish
          </Button>
        )}
        {phase === "scheduled" && (
          <>
            <Button intent="primary" disabled={inactive} onClick={() => onCommand("publish")}>
              Publish now
            </Button>
            <Button disabled={inactive} onClick={() => onCommand("unpublish")}>
              Back to draft
            </Button>
            {pending && pendingButtons}
          </>
        )}
        {phase === "published" && (
          <>
            {pendingButtons}
            <Button disabled={inactive} onClick={() => onCommand("unpublish")}>
              Unpublish
            </Button>
          </>
        )}
        {phase === "trash" && (
          <Button disabled={inactive} onClick={() => onCommand("restore")}>
            Restore
          </Button>
        )}
        <Link className={buttonClass("quiet")} href={`/dashboard/posts/${postId}/preview`} target="_blank">
          Preview<span className="visually-hidden"> (opens in a new tab)</span>
        </Link>
        <Link className={buttonClass("quiet")} href={`/dashboard/posts/${postId}/revisions`}>
          Revisions
        </Link>
      </ButtonGroup>
      {phase !== "trash" && (
        <form
          className={styles.scheduleForm}
          onSubmit={(event) => {
            event.preventDefault();
            onCommand(phase === "published" ? "redate" : "schedule", moment);
          }}
        >
          <DateTimePicker
            id="schedule-at"
            legend={`${phase === "published" ? "Published on" : "Publish at"} (${timeZone} time)`}
            value={moment}
            onChange={setMoment}
          />
          <Button type="submit" disabled={inactive}>
            {phase === "published" ? "Change date" : phase === "scheduled" ? "Reschedule" : "Schedule"}
          </Button>
        </form>
      )}
      <ConfirmDialog
        dialog={deleteDialog}
        heading="Delete this post for ever?"
        text="The post, its comments and its revisions will be gone. This cannot be undone."
        confirmLabel="Delete for ever"
        destructive
        onConfirm={() => onCommand("delete")}
      />
      <ConfirmDialog
        dialog={discardDialog}
        heading="Discard the changes that are not live?"
        text="The editor goes back to the text readers see now. Your discarded changes stay in the post's revisions."
        confirmLabel="Discard changes"
        onConfirm={() => onCommand("discard")}
      />
    </section>
  );
}

interface ConfirmDialogProps {
  dialog: React.RefObject<HTMLDialogElement | null>;
  heading: string;
  text: string;
  confirmLabel: string;
  destructive?: boolean;
  onConfirm: () => void;
}

function ConfirmDialog({ dialog, heading, text, confirmLabel, destructive = false, onConfirm }: ConfirmDialogProps) {
  const headingId = `${confirmLabel.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p>{text}</p>
      <form method="dialog">
        <ButtonGroup>
          <Button type="submit" intent={destructive ? "destructive" : "primary"} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button type="submit" autoFocus>
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </dialog>
  );
}

function describePhase(phase: EditorPhase, standing: PostStanding, timeZone: string) {
  const when = standing.publishedAt ? formatDayAndTime(standing.publishedAt, timeZone) : "";
  return {
    trash: "In the trash",
    draft: "Draft",
    scheduled: `Scheduled for ${when} (${timeZone} time)`,
    published: `Published on ${when}`,
  }[phase];
}
