"use client";

import { useActionState, useMemo } from "react";
import { deleteOwnComment, moderate, saveCommentEdit, type CommentFormState } from "@/lib/actions/comments";
import { commentNotSent } from "@/components/comment/comment-failure";
import { useCommentViewer } from "@/components/comment/viewer-store";
import { withFailureState } from "@/components/forms/with-failure-state";
import type { ActionState } from "@/lib/action-state";
import type { Messages } from "@/lib/messages";
import { COMMENT_MAX_LENGTH } from "@/lib/validation/comments";

const NOTHING_YET: ActionState = { ok: false };

/**
 * Edit and delete for the comment's writer, approve/hide/spam/delete for moderators, in the blog's
 * words `t`. The thread around it is the same cached HTML for everyone, so these render nothing on
 * the server and appear once the page's per-viewer part has said who is reading; the server checks
 * again on every use.
 */
export function CommentControls({ commentId, pending = false, t }: { commentId: string; pending?: boolean; t: Messages }) {
  const viewer = useCommentViewer();
  if (!viewer) return null;
  const own = viewer.own.find((comment) => comment.id === commentId);
  if (!own && !viewer.moderator) return null;
  const words = t.controls;
  const button = { commentId, t };
  return (
    <div className="comment-controls">
      {own?.editable && <EditForm commentId={commentId} text={own.text} t={t} />}
      {own && <ControlButton action={deleteOwnComment} label={words.delete} {...button} />}
      {viewer.moderator && (
        <>
          {pending ? (
            <ControlButton action={moderate} decision="approve" label={words.approve} {...button} />
          ) : (
            <ControlButton action={moderate} decision="hide" label={words.hide} {...button} />
          )}
          <ControlButton action={moderate} decision="spam" label={words.spam} {...button} />
          {!own && <ControlButton action={moderate} decision="delete" label={words.remove} {...button} />}
        </>
      )}
    </div>
  );
}

function ControlButton({
  action,
  commentId,
  decision,
  label,
  t,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  commentId: string;
  decision?: string;
  label: string;
  t: Messages;
}) {
  const [state, formAction, busy] = useActionState(withFailureState(action, commentNotSent(t)), NOTHING_YET);
  return (
    <form action={formAction} className="comment-control">
      <input type="hidden" name="commentId" value={commentId} />
      {decision && <input type="hidden" name="decision" value={decision} />}
      <button type="submit" disabled={busy}>
        {label}
      </button>
      {state.message && !state.ok && <span role="alert"> {state.message}</span>}
    </form>
  );
}

function EditForm({ commentId, text, t }: { commentId: string; text: string; t: Messages }) {
  const saveKeepingText = useMemo(() => withFailureState(saveCommentEdit, commentNotSent(t)), [t]);
  const [state, formAction, busy] = useActionState<CommentFormState, FormData>(saveKeepingText, NOTHING_YET);
  const bodyId = `edit-${commentId}`;
  return (
    <details className="comment-edit">
      <summary>{t.controls.edit}</summary>
      <form action={formAction}>
        <input type="hidden" name="commentId" value={commentId} />
        <label htmlFor={bodyId}>{t.controls.editYourComment}</label>
        <textarea id={bodyId} name="body" rows={4} maxLength={COMMENT_MAX_LENGTH} required defaultValue={state.body ?? text} />
        {state.message && (
          <p className={state.ok ? "form-note" : "form-error"} role={state.ok ? "status" : "alert"}>
            {state.message} {state.errors?.body?.join(" ")}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t.controls.save}
        </button>
      </form>
    </details>
  );
}
