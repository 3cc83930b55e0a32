"use client";

import { useActionState } from "react";
import { ResultMessage } from "@/components/dashboard/result-message";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button } from "@/components/ui/button";
import { handleGivenUpNotices } from "@/lib/actions/dashboard/mail-notices";

const handleOrFail = withFailureState(handleGivenUpNotices, couldNotSave);

/** Send the given-up notices again (once the mail settings are fixed), or let them go. */
export function GivenUpNoticeActions() {
  const [result, action, pending] = useActionState(handleOrFail, null);
  return (
    <form action={action}>
      <ResultMessage result={result} />
      <Button type="submit" name="choice" value="retry" size="small" disabled={pending}>
        Try them again
      </Button>{" "}
      <Button type="submit" name="choice" value="discard" intent="destructive" size="small" disabled={pending}>
        Discard them
      </Button>
    </form>
  );
}
