"use client";

import { useActionState, type ReactNode } from "react";
import { ResultMessage } from "@/components/dashboard/result-message";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button } from "@/components/ui/button";
import { handleGivenUpNotices } from "@/lib/actions/dashboard/mail-notices";

const handleOrFail = withFailureState(handleGivenUpNotices, couldNotSave);

/**
 * The given-up notices (children, when there are any) with "Try them again" and "Discard them".
 * The outcome's live region stays when the list empties, as it does after either button.
 */
export function GivenUpNoticeActions({ headingId, children }: { headingId: string; children?: ReactNode }) {
  const [result, action, pending] = useActionState(handleOrFail, null);
  return (
    <>
      <ResultMessage result={result} />
      {children && (
        <section aria-labelledby={headingId}>
          {children}
          <form action={action}>
            <Button type="submit" name="choice" value="retry" size="small" disabled={pending}>
              Try them again
            </Button>{" "}
            <Button type="submit" name="choice" value="discard" intent="destructive" size="small" disabled={pending}>
              Discard them
            </Button>
          </form>
        </section>
      )}
    </>
  );
}
