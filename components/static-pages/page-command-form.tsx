"use client";
import { useActionState, type ReactNode } from "react";
import type { PageCommandState } from "@/app/(dashboard)/dashboard/pages/actions";
import { Button, type ButtonIntent } from "@/components/ui/button";

interface PageCommandFormProps {
  action: (previous: PageCommandState, formData: FormData) => Promise<PageCommandState>;
  pageId: string;
  submitLabel: string;
  intent?: ButtonIntent;
  className?: string;
  /** Fields the command needs besides the page, such as a confirmation box. */
  children?: ReactNode;
}

/** One button that does one thing to a page (publish, unpublish, delete), with its outcome announced. */
export function PageCommandForm({ action, pageId, submitLabel, intent = "secondary", className, children }: PageCommandFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const problems = state && !state.ok ? Object.values(state.errors ?? {}).flat() : [];
  return (
    <form action={formAction} className={className}>
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
