"use client";
import { useActionState, type ReactNode } from "react";
import type { PageCommandState } from "@/lib/actions/dashboard/pages";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button, type ButtonIntent } from "@/components/ui/button";

interface PageCommandFormProps {
  action: (previous: PageCommandState, formData: FormData) => Promise<PageCommandState>;
  pageId: string;
  submitLabel: string;
  intent?: ButtonIntent;
  /** A question asked before the command runs; cancelling sends nothing. */
  confirm?: string;
  className?: string;
  /** Fields the command needs besides the page, such as a confirmation box. */
  children?: ReactNode;
}

/** One button that does one thing to a page (publish, update, delete…), with its outcome announced. */
export function PageCommandForm({ action, pageId, submitLabel, intent = "secondary", confirm, className, children }: PageCommandFormProps) {
  const [state, formAction, pending] = useActionState(withFailureState(action, couldNotSave), null);
  const problems = state && !state.ok ? Object.values(state.errors ?? {}).flat() : [];
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="pageId" value={pageId} />
      {children}
      <p className={state?.message ? `form-message ${state.ok ? "form-message-ok" : "form-message-error"}` : "form-message"} role="status">
        {problems.length > 0 ? problems.join(" ") : state?.message}
      </p>
      <Button type="submit" intent={intent} disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
