import { useId, type InputHTMLAttributes } from "react";
import styles from "./ui.module.css";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  errors?: string[];
}

/** A labelled input, its hint and its errors tied to it (aria-describedby) and announced (aria-live). */
export function Field({ label, hint, errors, id, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = [hint && `${inputId}-hint`, `${inputId}-error`].filter(Boolean).join(" ");
  return (
    <div className={styles.field}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={`${inputId}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      <input id={inputId} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      <p id={`${inputId}-error`} className={styles.fieldError} aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
