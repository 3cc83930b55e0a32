"use client";

import { useId, useState } from "react";
import styles from "./rich-text-editor.module.css";

interface Props {
  id: string;
  onInsert: (image: { src: string; alt: string }) => void;
}

/** Inserts an image by its address, or uploads one (POST /api/uploads) and inserts that. */
export function ImageInsert({ id, onInsert }: Props) {
  const [url, setUrl] = useState("");
  const [alt, setAlt] = useState("");
  const [error, setError] = useState("");
  const [uploading, setUploading] = useState(false);
  const statusId = useId();

  function insert(src: string, altText: string) {
    onInsert({ src, alt: altText });
    setUrl("");
    setAlt("");
    setError("");
  }

  async function upload(file: File) {
    setUploading(true);
    setError("");
    try {
      const body = new FormData();
      body.append("file", file);
      const response = await fetch("/api/uploads", { method: "POST", body });
      const answer = (await response.json().catch(() => ({}))) as { url?: string; alt?: string; error?: string };
      if (response.status === 201 && answer.url) insert(answer.url, alt || answer.alt || "");
      else setError(answer.error ?? `The upload failed (${response.status}).`);
    } catch {
      setError("The upload failed: check your connection and try again.");
    } finally {
      setUploading(false);
    }
  }

  return (
    <details className={styles.imagePanel}>
      <summary>Insert an image</summary>
      <div className={styles.imageFields}>
        <label htmlFor={`${id}-alt`}>Alt text (what the image shows)</label>
        <input id={`${id}-alt`} value={alt} onChange={(event) => setAlt(event.target.value)} />
        <label htmlFor={`${id}-url`}>Image address</label>
        <input id={`${id}-url`} type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://" />
        <button type="button" disabled={!/^https?:\/\/\S+$|^\/\S+$/.test(url.trim())} onClick={() => insert(url.trim(), alt)}>
          Insert image
        </button>
        <label htmlFor={`${id}-file`}>Or upload an image</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="image/*"
          disabled={uploading}
          aria-describedby={statusId}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void upload(file);
          }}
        />
        <p id={statusId} role="status" className={error ? styles.error : undefined}>
          {uploading ? "Uploading..." : error}
        </p>
      </div>
    </details>
  );
}
