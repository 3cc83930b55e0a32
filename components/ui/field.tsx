import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import styles from "./ui.module.css";

/** What a field's control needs to be tied to its label, hint and errors. */
export interface FieldControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby": string;
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  errors?: string[];
  /** A control other than a text input (a select, a textarea), given the props that tie it in. */
  control?: (props: FieldControlProps) => ReactNode;
}

/** A labelled input, its hint and its errors tied to it (aria-describedby) and announced (aria-live). */
export function Field({ label, hint, errors, id, control, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const controlProps: FieldControlProps = {
    id: inputId,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": [hint && `${inputId}-hint`, `${inputId}-error`].filter(Boolean).join(" "),
  };
  return (
    <div className={styles.field}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={`${inputId}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {control ? control(controlProps) : <input {...controlProps} {...input} />}
      <p id={`${inputId}-error`} className={styles.fieldError} aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
