"use client";
import { useActionState } from "react";
import { restoreRevisionAction, type RestoreState } from "@/lib/actions/dashboard/revisions";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button } from "@/components/ui/button";

interface RestoreRevisionFormProps {
  postId: string;
  revisionId: string;
  /** The post's version as this page showed it: a restore over newer changes is refused. */
  postVersion: number;
}

const restoreOrFail = withFailureState(restoreRevisionAction, couldNotSave);

export function RestoreRevisionForm({ postId, revisionId, postVersion }: RestoreRevisionFormProps) {
  const [state, action, pending] = useActionState<RestoreState, FormData>(restoreOrFail, null);
  return (
    <form action={action}>
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="expectedVersion" value={postVersion} />
      <p className={state ? "form-message form-message-error" : "form-message"} role="status">
        {state?.message}
      </p>
      <Button type="submit" intent="primary" disabled={pending}>
        {pending ? "Restoring…" : "Restore this revision"}
      </Button>
    </form>
  );
}
