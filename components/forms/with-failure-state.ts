import { unstable_rethrow } from "next/navigation";
import { COULD_NOT_SAVE } from "@/lib/action-state";

/** A server action as `useActionState` calls it: its first state may be one it never returns (null). */
type FormAction<Previous, State> = (previous: Previous, formData: FormData) => Promise<State>;

/**
 * The action as a form calls it from the browser. A call that never gets a state back (no network,
 * an error page, a 413 for a body past 1 MB) rejects on the client; that would reach the error
 * boundary and lose what was typed, so it becomes `failed(formData)`: a refusal the form shows like
 * any other, keeping its fields the way it keeps them when the server refuses them.
 */
export function withFailureState<Previous, State extends Previous>(
  action: FormAction<Previous, State>,
  failed: (formData: FormData) => State,
): FormAction<Previous, State> {
  return async (previous, formData) => {
    try {
      return await action(previous, formData);
    } catch (error) {
      // A redirect (to the new page, or to sign in when the session ended) is Next's to follow.
      unstable_rethrow(error);
      return failed(formData);
    }
  };
}

/** The failure as a dashboard action reports one (lib/action-client.ts): nothing was changed. */
export const couldNotSave = () => ({ ok: false, code: "ERROR", message: COULD_NOT_SAVE }) as const;

/** The failure for a form that fills its fields from the state's `values` (components/auth/fields.tsx). */
export const couldNotSaveKeeping =
  <Field extends string>(...fields: Field[]) =>
  (formData: FormData) => ({
    ok: false,
    message: COULD_NOT_SAVE,
    values: Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")])) as Partial<Record<Field, string>>,
  });
