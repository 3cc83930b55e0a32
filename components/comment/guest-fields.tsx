import type { CommentFormState } from "@/lib/actions/comments";
import type { Messages } from "@/lib/messages";
import { GUEST_URL_MAX_LENGTH, type GuestField } from "@/lib/validation/comments";

const FIELDS: readonly { name: GuestField; label: "yourName" | "yourWebSite" | "yourEmail"; type: string; autoComplete: string; maxLength: number; required?: boolean }[] = [
  { name: "authorName", label: "yourName", type: "text", autoComplete: "name", maxLength: 80, required: true },
  { name: "authorUrl", label: "yourWebSite", type: "url", autoComplete: "url", maxLength: GUEST_URL_MAX_LENGTH },
  { name: "authorEmail", label: "yourEmail", type: "email", autoComplete: "email", maxLength: 254 },
];

/**
 * What a guest gives besides the comment (a blog open to ANYONE). Refused, the form is drawn again
 * from its state, so each field starts from what was typed.
 */
export function GuestFields({ formId, state, t }: { formId: string; state: CommentFormState; t: Messages }) {
  return (
    <>
      {FIELDS.map(({ name, label, ...input }) => {
        const id = `${formId}-${name}`;
        const errors = state.errors?.[name];
        return (
          <p key={name} className="comment-guest-field">
            <label htmlFor={id}>{t[label]}</label>
            <input id={id} name={name} {...input} defaultValue={state.values?.[name]} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : undefined} />
            {errors && (
              <span id={`${id}-error`} className="form-error">
                {errors.join(" ")}
              </span>
            )}
          </p>
        );
      })}
    </>
  );
}
