"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import styles from "./image-library.module.css";

export interface UploadStatus {
  ok: boolean;
  message: string;
}

const ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

/**
 * Sends one image to /api/uploads (the editor's endpoint too) and refreshes the library. Without
 * JavaScript the same form posts there itself and comes back with `flashed`.
 */
export function UploadForm({ flashed }: { flashed?: UploadStatus }) {
  const router = useRouter();
  const id = useId();
  const [status, setStatus] = useState<UploadStatus | undefined>(flashed);
  const [pending, setPending] = useState(false);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setStatus({ ok: false, message: "Choose an image to upload." });
    setPending(true);
    setStatus({ ok: true, message: `Uploading ${file.name}…` });
    try {
      const response = await fetch("/api/uploads", { method: "POST", body: data });
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      if (!response.ok) return setStatus({ ok: false, message: answer.error ?? "The upload failed; please try again." });
      form.reset();
      setStatus({ ok: true, message: `Uploaded ${file.name}.` });
      router.refresh();
    } catch {
      setStatus({ ok: false, message: "The image could not be sent: check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  const failed = status !== undefined && !status.ok;
  return (
    <form action="/api/uploads" method="post" encType="multipart/form-data" onSubmit={upload} className={styles.uploadForm}>
      <label htmlFor={`${id}-file`}>Upload an image</label>
      <p id={`${id}-hint`} className={styles.hint}>
        PNG, JPEG, WebP or GIF, up to 10 MB. Photos are turned upright and their camera details (such as location) removed.
      </p>
      <div className={styles.uploadRow}>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept={ACCEPT}
          required
          aria-describedby={`${id}-hint ${id}-status`}
          aria-invalid={failed || undefined}
        />
        <Button type="submit" intent="primary" disabled={pending}>
          {pending ? "Uploading…" : "Upload"}
        </Button>
      </div>
      <p id={`${id}-status`} className={failed ? styles.error : styles.status} aria-live="polite">
        {status?.message}
      </p>
    </form>
  );
}
