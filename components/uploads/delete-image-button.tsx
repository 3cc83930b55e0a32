"use client";

import { useActionState, type FormEvent } from "react";
import { deleteImage } from "@/app/(dashboard)/dashboard/images/actions";
import { Button } from "@/components/ui/button";
import styles from "./image-library.module.css";

/** Deletes one image after the person confirms; the library refreshes without it. */
export function DeleteImageButton({ id, imageName }: { id: string; imageName: string }) {
  const [result, action, pending] = useActionState(deleteImage, null);

  function confirmFirst(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(`Delete “${imageName}”? Posts that show it will show a broken image instead.`)) event.preventDefault();
  }

  return (
    <form action={action} onSubmit={confirmFirst}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" intent="destructive" size="small" disabled={pending}>
        Delete<span className="visually-hidden"> {imageName}</span>
      </Button>
      <p className={styles.error} aria-live="polite">
        {result && !result.ok ? result.message : ""}
      </p>
    </form>
  );
}
