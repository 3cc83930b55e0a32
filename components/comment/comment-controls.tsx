"use client";

import { useActionState } from "react";
import { deleteOwnComment, moderate, saveCommentEdit, type CommentFormState } from "@/lib/actions/comments";
import { commentNotSent } from "@/components/comment/comment-failure";
import { useCommentViewer } from "@/components/comment/viewer-store";
import { withFailureState } from "@/components/forms/with-failure-state";
import type { ActionState } from "@/lib/action-state";
import { COMMENT_MAX_LENGTH } from "@/lib/validation/comments";

const NOTHING_YET: ActionState = { ok: false };
const saveEditKeepingText = withFailureState(saveCommentEdit, commentNotSent);

/**
 * Edit and delete for the comment's writer, approve/hide/spam/delete for moderators. The thread
 * around it is the same cached HTML for everyone, so these render nothing on the server and appear
 * once the page's per-viewer part has said who is reading; the server checks again on every use.
 */
export function CommentControls({ commentId, pending = false }: { commentId: string; pending?: boolean }) {
  const viewer = useCommentViewer();
  if (!viewer) return null;
  const own = viewer.own.find((comment) => comment.id === commentId);
  if (!own && !viewer.moderator) return null;
  return (
    <div className="comment-controls">
      {own?.editable && <EditForm commentId={commentId} text={own.text} />}
      {own && <ControlButton action={deleteOwnComment} commentId={commentId} label="Delete" />}
      {viewer.moderator && (
        <>
          {pending ? (
            <ControlButton action={moderate} commentId={commentId} decision="approve" label="Approve" />
          ) : (
            <ControlButton action={moderate} commentId={commentId} decision="hide" label="Hide" />
          )}
          <ControlButton action={moderate} commentId={commentId} decision="spam" label="Spam" />
          {!own && <ControlButton action={moderate} commentId={commentId} decision="delete" label="Remove" />}
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
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  commentId: string;
  decision?: string;
  label: string;
}) {
  const [state, formAction, busy] = useActionState(withFailureState(action, commentNotSent), NOTHING_YET);
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

function EditForm({ commentId, text }: { commentId: string; text: string }) {
  const [state, formAction, busy] = useActionState<CommentFormState, FormData>(saveEditKeepingText, NOTHING_YET);
  const bodyId = `edit-${commentId}`;
  return (
    <details className="comment-edit">
      <summary>Edit</summary>
      <form action={formAction}>
        <input type="hidden" name="commentId" value={commentId} />
        <label htmlFor={bodyId}>Edit your comment</label>
        <textarea id={bodyId} name="body" rows={4} maxLength={COMMENT_MAX_LENGTH} required defaultValue={state.body ?? text} />
        {state.message && (
          <p className={state.ok ? "form-note" : "form-error"} role={state.ok ? "status" : "alert"}>
            {state.message} {state.errors?.body?.join(" ")}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Save
        </button>
      </form>
    </details>
  );
}
