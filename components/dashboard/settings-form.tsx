"use client";

import { useActionState } from "react";
import { saveSettings, type SettingsFormState } from "@/lib/actions/dashboard/settings";
import { ResultMessage } from "@/components/dashboard/result-message";
import { submitKeepingFields } from "@/components/forms/submit-keeping-fields";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectChoices } from "@/components/ui/select-choices";
import { LOCALE_NAMES, LOCALES } from "@/lib/messages";
import type { BlogSettingsInput } from "@/lib/validation/settings";
import styles from "./settings-form.module.css";

const MODERATION_CHOICES = [
  { value: "NEVER", label: "Never: comments show at once" },
  { value: "ALWAYS", label: "Always: every comment waits for a moderator" },
  { value: "OLDER_POSTS", label: "On older posts: comments wait on posts older than the days below" },
  { value: "FIRST_COMMENT", label: "First comment: until one of the writer's comments is approved" },
];

const LOCALE_CHOICES = LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }));

const PERMISSION_CHOICES = [
  { value: "SIGNED_IN", label: "Signed-in readers" },
  { value: "ANYONE", label: "Anyone: signed-in readers, and guests who give a name" },
  { value: "NOBODY", label: "Nobody (comments are closed)" },
];

const initialState: SettingsFormState = { ok: false };
const saveKeepingFields = withFailureState(saveSettings, couldNotSave);

export function SettingsForm({ settings, timeZones }: { settings: BlogSettingsInput; timeZones: readonly string[] }) {
  const [state, action, pending] = useActionState(saveKeepingFields, initialState);
  const errors = !state.ok && "errors" in state ? state.errors : undefined;
  const submit = submitKeepingFields(action);
  return (
    <>
      <ResultMessage result={state.message ? state : null} />
      <form action={action} onSubmit={submit} className={styles.form}>
        <Field
          id="setting-blogTitle"
          name="blogTitle"
          label="Blog title"
          hint="1 to 100 characters."
          errors={errors?.blogTitle}
          type="text"
          required
          maxLength={100}
          defaultValue={settings.blogTitle}
        />
        <Field
          id="setting-description"
          label="Description"
          hint="Up to 500 characters, shown under the title."
          errors={errors?.description}
          control={(props) => <textarea {...props} name="description" rows={3} maxLength={500} defaultValue={settings.description} />}
        />
        <Field
          id="setting-postsPerPage"
          name="postsPerPage"
          label="Posts per page"
          hint="1 to 50, on the home, archive and label pages."
          errors={errors?.postsPerPage}
          type="number"
          required
          min={1}
          max={50}
          step={1}
          defaultValue={settings.postsPerPage}
        />
        <Field
          id="setting-timeZone"
          label="Time zone"
          hint="Dates on posts, comments and in permalinks use it."
          errors={errors?.timeZone}
          control={(props) => <SelectChoices {...props} name="timeZone" defaultValue={settings.timeZone} choices={timeZones.map((zone) => ({ value: zone, label: zone }))} />}
        />
        <Field
          id="setting-locale"
          label="Language and date style"
          hint="The words and dates readers see; the dashboard stays in English."
          errors={errors?.locale}
          control={(props) => <SelectChoices {...props} name="locale" defaultValue={settings.locale} choices={LOCALE_CHOICES} />}
        />
        <Field
          id="setting-commentPermission"
          label="Who may comment"
          hint="Guests' comments always wait for a moderator."
          errors={errors?.commentPermission}
          control={(props) => <SelectChoices {...props} name="commentPermission" defaultValue={settings.commentPermission} choices={PERMISSION_CHOICES} />}
        />
        <Field
          id="setting-commentModeration"
          label="Comment moderation"
          hint="Comments from a post's author and from admins never wait."
          errors={errors?.commentModeration}
          control={(props) => <SelectChoices {...props} name="commentModeration" defaultValue={settings.commentModeration} choices={MODERATION_CHOICES} />}
        />
        <Field
          id="setting-moderateAfterDays"
          name="moderateAfterDays"
          label="Days before a post counts as older"
          hint="1 to 3650; used by “On older posts”."
          errors={errors?.moderateAfterDays}
          type="number"
          required
          min={1}
          max={3650}
          step={1}
          defaultValue={settings.moderateAfterDays}
        />
        <div>
          <Button type="submit" intent="primary" disabled={pending}>
            Save settings
          </Button>
        </div>
      </form>
    </>
  );
}
