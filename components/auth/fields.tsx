import type { ChangeEvent } from "react";
import type { ActionState } from "@/lib/action-state";

interface FieldProps {
  label: string;
  name: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  defaultValue?: string;
  /** Controlled instead, when the form derives one field from another (a slug from a title). */
  value?: string;
  onChange?: (value: string) => void;
  hint?: string;
  errors?: string[];
  /** A text area this many rows high, for text that runs to paragraphs; not required. */
  rows?: number;
}

/** A labelled input whose errors are announced (aria-live) and tied to it (aria-describedby). */
export function Field({ label, name, type = "text", autoComplete, defaultValue, value, onChange, hint, errors, rows }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" ");
  const control = {
    id,
    name,
    defaultValue,
    value,
    onChange: onChange && ((event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value)),
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {rows ? <textarea rows={rows} autoComplete={autoComplete} {...control} /> : <input type={type} autoComplete={autoComplete} required {...control} />}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** The form-level message: success in green, failure in the accent colour, announced either way. */
export function FormMessage({ state }: { state: ActionState }) {
  return (
    <p className={state.message ? `form-message ${state.ok ? "form-message-ok" : "form-message-error"}` : "form-message"} role="status">
      {state.message}
    </p>
  );
}

/** A new password, with the rule lib/validation/accounts.ts enforces stated once. */
export function NewPasswordField({ label, name, errors }: { label: string; name: string; errors?: string[] }) {
  return <Field label={label} name={name} type="password" autoComplete="new-password" hint="10 or more characters, and not your email address." errors={errors} />;
}
