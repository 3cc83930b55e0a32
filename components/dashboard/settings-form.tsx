"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { saveSettings, type SettingsFormState } from "@/app/(dashboard)/dashboard/settings/actions";
import { ResultMessage } from "@/components/dashboard/result-message";
import type { BlogSettingsField, BlogSettingsInput } from "@/lib/validation/settings";
import styles from "./settings-form.module.css";

const MODERATION_CHOICES = [
  { value: "NEVER", label: "Never: comments show at once" },
  { value: "ALWAYS", label: "Always: every comment waits for a moderator" },
  { value: "OLDER_POSTS", label: "On older posts: comments wait on posts older than the days below" },
  { value: "FIRST_COMMENT", label: "First comment: until one of the writer's comments is approved" },
];

const PERMISSION_CHOICES = [
  { value: "SIGNED_IN", label: "Signed-in readers" },
  { value: "NOBODY", label: "Nobody (comments are closed)" },
];

/** A labelled control whose errors are announced (aria-live) and tied to it (aria-describedby). */
function Field({ name, label, hint, errors, children }: { name: BlogSettingsField; label: string; hint?: string; errors?: string[]; children: (props: ControlProps) => ReactNode }) {
  const id = `setting-${name}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {children({
        id,
        name,
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" "),
      })}
      <p id={`${id}-error`} className={styles.error} aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

interface ControlProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby": string;
}

const initialState: SettingsFormState = { ok: false };

export function SettingsForm({ settings, timeZones }: { settings: BlogSettingsInput; timeZones: readonly string[] }) {
  const [state, action, pending] = useActionState(saveSettings, initialState);
  const errors = !state.ok && "errors" in state ? state.errors : undefined;
  // Sent from a transition rather than through the form's action: a form action resets the
  // fields afterwards, and a refused form must keep what was typed (its errors sit beside it).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
  return (
    <>
      <ResultMessage result={state.message ? state : null} />
      <form action={action} onSubmit={submit} className={styles.form}>
        <Field name="blogTitle" label="Blog title" hint="1 to 100 characters." errors={errors?.blogTitle}>
          {(props) => <input {...props} type="text" required maxLength={100} defaultValue={settings.blogTitle} />}
        </Field>
        <Field name="description" label="Description" hint="Up to 500 characters, shown under the title." errors={errors?.description}>
          {(props) => <textarea {...props} rows={3} maxLength={500} defaultValue={settings.description} />}
        </Field>
        <Field name="postsPerPage" label="Posts per page" hint="1 to 50, on the home, archive and label pages." errors={errors?.postsPerPage}>
          {(props) => <input {...props} type="number" required min={1} max={50} step={1} defaultValue={settings.postsPerPage} />}
        </Field>
        <Field name="timeZone" label="Time zone" hint="Dates on posts, comments and in permalinks use it." errors={errors?.timeZone}>
          {(props) => (
            <select {...props} defaultValue={settings.timeZone}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="commentPermission" label="Who may comment" errors={errors?.commentPermission}>
          {(props) => (
            <select {...props} defaultValue={settings.commentPermission}>
              {PERMISSION_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="commentModeration" label="Comment moderation" hint="Comments from a post's author and from admins never wait." errors={errors?.commentModeration}>
          {(props) => (
            <select {...props} defaultValue={settings.commentModeration}>
              {MODERATION_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="moderateAfterDays" label="Days before a post counts as older" hint="1 to 3650; used by “On older posts”." errors={errors?.moderateAfterDays}>
          {(props) => <input {...props} type="number" required min={1} max={3650} step={1} defaultValue={settings.moderateAfterDays} />}
        </Field>
        <button type="submit" className="button" disabled={pending}>
          Save settings
        </button>
      </form>
    </>
  );
}
