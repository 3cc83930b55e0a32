"use client";

import { useActionState, useRef, type ReactNode } from "react";
import { moderateQueue } from "@/lib/actions/dashboard/moderation-queue";
import { ResultMessage } from "@/components/dashboard/result-message";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button, ButtonGroup } from "@/components/ui/button";
import styles from "./moderation-queue.module.css";
import listStyles from "./dashboard-list.module.css";

const moderateOrFail = withFailureState(moderateQueue, couldNotSave);

/**
 * The queue's one form: bulk buttons act on the ticked rows, each row's buttons on that row
 * (`name="row"`), so every action is a plain form post that also works without JavaScript.
 * The rows are rendered on the server and passed in as children.
 */
export function ModerationQueueForm({ children, spamTab, empty }: { children: ReactNode; spamTab: boolean; empty: boolean }) {
  const [state, action, pending] = useActionState(moderateOrFail, null);
  const form = useRef<HTMLFormElement>(null);
  const selectAll = (checked: boolean) => {
    for (const box of form.current?.querySelectorAll<HTMLInputElement>('input[name="commentIds"]') ?? []) box.checked = checked;
  };
  return (
    <form ref={form} action={action} aria-busy={pending}>
      {/* Stays when the last row goes, so the outcome of that action is still shown. */}
      <ResultMessage result={state} />
      {!empty && (
        <fieldset className={styles.bulk}>
          <legend>Selected comments</legend>
          <label className={listStyles.selectAll}>
            <input type="checkbox" onChange={(event) => selectAll(event.currentTarget.checked)} /> Select all on this page
          </label>
          <ButtonGroup
            apart={
              <>
                {!spamTab && (
                  <Button type="submit" name="decision" value="spam" intent="destructive" size="small" disabled={pending}>
                    Mark selected as spam
                  </Button>
                )}
                <Button type="submit" name="decision" value="delete" intent="destructive" size="small" disabled={pending}>
                  Delete selected
                </Button>
              </>
            }
          >
            <Button type="submit" name="decision" value="approve" size="small" disabled={pending}>
              Approve selected
            </Button>
          </ButtonGroup>
        </fieldset>
      )}
      {children}
    </form>
  );
}
