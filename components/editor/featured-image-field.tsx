"use client";

import { useEffect, useId, useState } from "react";
import { featuredImageChoicesAction } from "@/lib/actions/dashboard/images";
import { Button } from "@/components/ui/button";
import type { FeaturedImageChoice } from "@/lib/uploads/featured";
import { EditorDialog } from "./editor-dialog";
import dialogStyles from "./editor-dialog.module.css";
import styles from "./featured-image-field.module.css";

interface Props {
  /** The chosen upload's id, or null. */
  value: string | null;
  onChange: (id: string | null) => void;
  /** The post's body, whose images are offered first. */
  bodyHtml: string;
}

/** The image a post is shared with (og:image) and shown by in lists: one of its own images or one from the library. */
export function FeaturedImageField({ value, onChange, bodyHtml }: Props) {
  const [choices, setChoices] = useState<FeaturedImageChoice[] | null>(null);
  const [picking, setPicking] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState("");
  const groupId = useId();

  function showChoices(result: Awaited<ReturnType<typeof featuredImageChoicesAction>>) {
    if (result.ok) setChoices(result.data);
    else setError(result.message ?? "The images could not be loaded.");
  }
  const loadChoices = () => featuredImageChoicesAction({ bodyHtml, selectedId: value }).then(showChoices);

  // The chosen image's thumbnail, once, when the editor opens on a post that has one.
  useEffect(() => {
    if (value) void featuredImageChoicesAction({ bodyHtml, selectedId: value }).then(showChoices);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const chosen = choices?.find((choice) => choice.id === value);

  return (
    <fieldset className={styles.field}>
      <legend>Featured image</legend>
      <p className={styles.hint}>Shown beside the post in lists and when it is shared.</p>
      {value ? (
        chosen ? (
          // eslint-disable-next-line @next/next/no-img-element -- a stored upload's small copy
          <img className={styles.current} src={chosen.thumbnail} alt={`Featured image: ${chosen.name}`} />
        ) : (
          <p>An image is chosen.</p>
        )
      ) : (
        <p>None.</p>
      )}
      <div className={styles.actions}>
        <Button
          size="small"
          aria-haspopup="dialog"
          onClick={() => {
            setPicking(value);
            void loadChoices();
          }}
        >
          {value ? "Change featured image" : "Choose featured image"}
        </Button>
        {value && (
          <Button size="small" intent="quiet" onClick={() => onChange(null)}>
            Remove featured image
          </Button>
        )}
      </div>
      <p role="alert" className={dialogStyles.error}>
        {error}
      </p>
      {picking !== undefined && (
        <EditorDialog
          title="Choose the featured image"
          submitLabel="Use this image"
          onClose={() => setPicking(undefined)}
          onSubmit={() => {
            onChange(picking);
            setPicking(undefined);
          }}
        >
          {choices === null ? (
            <p role="status">Loading images…</p>
          ) : choices.length === 0 ? (
            <p>No images yet: insert one in the post, or upload one in Images.</p>
          ) : (
            <div role="radiogroup" aria-labelledby={`${groupId}-legend`} className={styles.choices}>
              <p id={`${groupId}-legend`} className={styles.hint}>
                The post&apos;s own images come first.
              </p>
              {choices.map((choice) => (
                <label key={choice.id} className={styles.choice}>
                  <input type="radio" name={groupId} checked={picking === choice.id} onChange={() => setPicking(choice.id)} />
                  {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload's small copy */}
                  <img src={choice.thumbnail} alt="" loading="lazy" />
                  <span>
                    {choice.name}
                    {choice.inPost && " (in this post)"}
                  </span>
                </label>
              ))}
            </div>
          )}
        </EditorDialog>
      )}
    </fieldset>
  );
}
