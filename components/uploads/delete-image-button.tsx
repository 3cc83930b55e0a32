"use client";

import { useActionState, useRef, type FormEvent } from "react";
import { deleteImage } from "@/lib/actions/dashboard/images";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { Button } from "@/components/ui/button";
import styles from "./image-library.module.css";

const deleteOrFail = withFailureState(deleteImage, couldNotSave);

/**
 * Deletes one image after the person confirms, told first where it is used (`usedIn`). Without
 * JavaScript the server refuses an image in use and this offers "Delete anyway".
 */
export function DeleteImageButton({ id, imageName, usedIn }: { id: string; imageName: string; usedIn: string | null }) {
  const [result, action, pending] = useActionState(deleteOrFail, null);
  const confirmed = useRef<HTMLInputElement>(null);
  const refusedInUse = result && !result.ok && result.code === "CONFLICT";

  function confirmFirst(event: FormEvent<HTMLFormElement>) {
    if (refusedInUse) return;
    const question = usedIn ? `${usedIn}. Delete “${imageName}” anyway? They will show a broken image.` : `Delete “${imageName}”?`;
    if (!window.confirm(question)) event.preventDefault();
    else if (confirmed.current) confirmed.current.value = "yes";
  }

  return (
    <form action={action} onSubmit={confirmFirst}>
      <input type="hidden" name="id" value={id} />
      <input ref={confirmed} type="hidden" name="confirmed" value={refusedInUse ? "yes" : ""} />
      <Button type="submit" intent="destructive" size="small" disabled={pending}>
        {refusedInUse ? "Delete anyway" : "Delete"}
        <span className="visually-hidden"> {imageName}</span>
      </Button>
      <p className={styles.error} aria-live="polite">
        {result && !result.ok ? result.message : ""}
      </p>
    </form>
  );
}
