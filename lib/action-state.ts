import type { z } from "zod";

/** What every form's server action returns to `useActionState`. */
export interface ActionState<Field extends string = string> {
  ok: boolean;
  /** Shown above the form: success or a failure that is not about one field. */
  message?: string;
  errors?: Partial<Record<Field, string[]>>;
}

/**
 * What a write says when it did not happen for a reason that is not the person's (the database or
 * the network is away): the server's refusal and the browser's failed call say the same words.
 */
export const COULD_NOT_SAVE = "Could not save, try again.";

/** A zod failure as per-field messages for the form. */
export function invalid<Field extends string>(error: z.ZodError, message = "Please correct the fields below."): ActionState<Field> {
  const errors: Partial<Record<Field, string[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as Field;
    (errors[field] ??= []).push(issue.message);
  }
  return { ok: false, message, errors };
}
