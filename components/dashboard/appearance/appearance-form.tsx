"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { ResultMessage } from "@/components/dashboard/result-message";
import { submitKeepingFields } from "@/components/forms/submit-keeping-fields";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectChoices, type SelectChoice } from "@/components/ui/select-choices";
import { saveAppearance, type AppearanceFormState } from "@/lib/actions/dashboard/appearance";
import type { ImageChoice } from "@/lib/appearance/image-choices";
import type { AppearanceInput } from "@/lib/validation/appearance";
import styles from "./appearance-form.module.css";

interface AppearanceFormProps {
  appearance: AppearanceInput;
  themes: { id: string; label: string; description: string }[];
  fonts: SelectChoice[];
  images: ImageChoice[];
}

const PREVIEW = "/dashboard/appearance/preview";
// Long enough that dragging a colour picker does not reload the preview at every step.
const PREVIEW_DELAY_MS = 400;

/** The preview's address for the form's fields as they are now (saved or not). */
function previewAddress(form: HTMLFormElement): string {
  const fields = [...new FormData(form)].flatMap(([name, value]) => (typeof value === "string" && !name.startsWith("$ACTION") ? [[name, value]] : []));
  return `${PREVIEW}?${new URLSearchParams(fields)}`;
}

/** The preview's address for the saved appearance, as the form starts. */
const savedPreviewAddress = (appearance: AppearanceInput) =>
  `${PREVIEW}?${new URLSearchParams(Object.entries(appearance).map(([name, value]) => [name, value ?? ""]))}`;

const initialState: AppearanceFormState = { ok: false };
const saveKeepingFields = withFailureState(saveAppearance, couldNotSave);

export function AppearanceForm({ appearance, themes, fonts, images }: AppearanceFormProps) {
  const [state, action, pending] = useActionState(saveKeepingFields, initialState);
  const errors = !state.ok && "errors" in state ? state.errors : undefined;
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState(() => savedPreviewAddress(appearance));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const imageChoices = [{ value: "", label: "None" }, ...images.map((image) => ({ value: image.id, label: image.name }))];

  const schedulePreview = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => form.current && setPreview(previewAddress(form.current)), PREVIEW_DELAY_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const submit = submitKeepingFields(action);
  return (
    <div className={styles.layout}>
      <div>
        <ResultMessage result={state.message ? state : null} />
        <form ref={form} action={action} onSubmit={submit} onChange={schedulePreview} className={styles.form}>
          <fieldset className={styles.themes} aria-describedby="appearance-theme-error">
            <legend>Theme</legend>
            {themes.map((theme) => (
              <label key={theme.id} className={styles.theme}>
                <input type="radio" name="theme" value={theme.id} defaultChecked={theme.id === appearance.theme} />
                <span>
                  <strong>{theme.label}</strong> {theme.description}
                </span>
              </label>
            ))}
            <p id="appearance-theme-error" className={styles.error} aria-live="polite">
              {errors?.theme?.join(" ")}
            </p>
          </fieldset>
          <Field
            id="appearance-accentLight"
            name="accentLight"
            label="Accent colour on the light page"
            hint="Links and buttons. It must contrast at least 4.5:1 with the theme's light page and cards, and with its button text."
            errors={errors?.accentLight}
            type="color"
            defaultValue={appearance.accentLight}
          />
          <Field
            id="appearance-accentDark"
            name="accentDark"
            label="Accent colour on the dark page"
            hint="The same, for readers who read in the dark: usually a lighter colour."
            errors={errors?.accentDark}
            type="color"
            defaultValue={appearance.accentDark}
          />
          <Field
            id="appearance-headingFont"
            label="Headings font"
            errors={errors?.headingFont}
            control={(props) => <SelectChoices {...props} name="headingFont" defaultValue={appearance.headingFont} choices={fonts} />}
          />
          <Field
            id="appearance-bodyFont"
            label="Text font"
            hint="Served by the blog itself: readers' browsers ask no other site."
            errors={errors?.bodyFont}
            control={(props) => <SelectChoices {...props} name="bodyFont" defaultValue={appearance.bodyFont} choices={fonts} />}
          />
          <Field
            id="appearance-headerImageId"
            label="Header image"
            hint="From the blog's images (Images, in the menu above). Postcard shows it as a wide banner."
            errors={errors?.headerImageId}
            control={(props) => <SelectChoices {...props} name="headerImageId" defaultValue={appearance.headerImageId ?? ""} choices={imageChoices} />}
          />
          <Field
            id="appearance-faviconId"
            label="Favicon"
            hint="The small icon of the blog's tabs and bookmarks: a square image works best."
            errors={errors?.faviconId}
            control={(props) => <SelectChoices {...props} name="faviconId" defaultValue={appearance.faviconId ?? ""} choices={imageChoices} />}
          />
          <div>
            <Button type="submit" intent="primary" disabled={pending}>
              Save appearance
            </Button>
          </div>
        </form>
      </div>
      <section aria-labelledby="appearance-preview-heading" className={styles.preview}>
        <h2 id="appearance-preview-heading">Preview (not saved)</h2>
        <iframe src={preview} title="The home page with these choices" className={styles.frame} />
      </section>
    </div>
  );
}
