import type { z } from "zod";
import type { AppErrorCode } from "@/lib/errors";
import { DEFAULT_LOCALE, messagesFor } from "@/lib/messages";

// The one family of answers a server action gives its form: ActionState at the root, FormState for
// forms that keep what was typed, ActionResult for actions made with lib/action-client.ts.

/** What every form's server action returns to `useActionState`. */
export interface ActionState<Field extends string = string> {
  ok: boolean;
  /** Shown above the form: success or a failure that is not about one field. */
  message?: string;
  errors?: Partial<Record<Field, string[]>>;
}

/** A form's action state plus what the person typed, so a failed submission keeps it (also without JavaScript). */
export type FormState<Field extends string> = ActionState<Field> & { values?: Partial<Record<Field, string>> };

/** A refusal from lib/action-client.ts: why (`code`), and the words for the person. */
export type ActionFailure<Field extends string = string> = ActionState<Field> & {
  ok: false;
  code: AppErrorCode | "UNAUTHENTICATED" | "ERROR";
};
export type ActionResult<Data, Field extends string = string> = { ok: true; data: Data; message?: string } | ActionFailure<Field>;

/**
 * What a write says when it did not happen for a reason that is not the person's (the database or
 * the network is away): the server's refusal and the browser's failed call say the same words.
 */
export const COULD_NOT_SAVE = messagesFor(DEFAULT_LOCALE).refusals.couldNotSave;

/** A zod failure as per-field messages for the form. */
export function invalid<Field extends string>(error: z.ZodError, message = messagesFor(DEFAULT_LOCALE).refusals.correctFields): ActionState<Field> {
  const errors: Partial<Record<Field, string[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as Field;
    (errors[field] ??= []).push(issue.message);
  }
  return { ok: false, message, errors };
}
