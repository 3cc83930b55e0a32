"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { noticeClass } from "@/components/ui/notice";
import listStyles from "../dashboard-list.module.css";
import styles from "./import.module.css";

interface Status {
  ok: boolean;
  message: string;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Sends the chosen export to /api/imports as the request's body (streamed to disk there) and
 * refreshes the page, whose job panel then follows the import. Uploading needs JavaScript: the
 * server reads the body as the file itself, not as a multipart form.
 */
export function ImportUploadForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const id = useId();
  const [status, setStatus] = useState<Status>();
  const [pending, setPending] = useState(false);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get("file");
    if (!(file instanceof File) || file.size === 0) return setStatus({ ok: false, message: "Choose an export file to import." });
    if (file.size > maxBytes) return setStatus({ ok: false, message: `That file is ${megabytes(file.size)}; export files can be at most ${megabytes(maxBytes)}.` });
    const copyImages = new FormData(form).get("copyImages") === "on";
    setPending(true);
    setStatus({ ok: true, message: `Uploading ${file.name}…` });
    try {
      const response = await fetch("/api/imports", {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name), "x-copy-images": String(copyImages) },
      });
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      if (!response.ok) return setStatus({ ok: false, message: answer.error ?? "The upload failed; please try again." });
      form.reset();
      setStatus({ ok: true, message: `Uploaded ${file.name}; the import has started.` });
      router.refresh();
    } catch {
      setStatus({ ok: false, message: "The file could not be sent: check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  const failed = status !== undefined && !status.ok;
  return (
    <form onSubmit={upload} className={styles.form}>
      <label htmlFor={`${id}-file`}>Export file</label>
      <p id={`${id}-hint`} className={listStyles.empty}>
        A Blogger export (classic or Takeout), a WordPress export (WXR) or a Longhand JSON export, up to {megabytes(maxBytes)}. The format is read from the file
        itself. Importing the same blog again updates what changed and adds what is new.
      </p>
      <input id={`${id}-file`} type="file" name="file" required aria-describedby={`${id}-hint ${id}-status`} aria-invalid={failed || undefined} />
      <div className={styles.checkbox}>
        <input id={`${id}-copy`} type="checkbox" name="copyImages" aria-describedby={`${id}-copy-hint`} />
        <label htmlFor={`${id}-copy`}>Copy images into this blog</label>
      </div>
      <p id={`${id}-copy-hint`} className={listStyles.empty}>
        Otherwise images stay where they are and posts link to them. An image that cannot be fetched is listed in the report.
      </p>
      <noscript>
        <p>Uploading an export needs JavaScript: turn it on for this page, or import on the server with npm run import.</p>
      </noscript>
      <Button type="submit" intent="primary" disabled={pending}>
        {pending ? "Uploading…" : "Import"}
      </Button>
      <p id={`${id}-status`} className={status ? `${listStyles.message} ${noticeClass(failed ? "error" : "info")}` : listStyles.message} aria-live="polite">
        {status?.message}
      </p>
    </form>
  );
}
