"use client";

import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import ui from "@/components/ui/ui.module.css";
import { EditorDialog } from "./editor-dialog";
import styles from "./editor-dialog.module.css";
import { IMAGE_ALIGNMENTS, IMAGE_SIZES, type FigureImageAttributes, type ImageAlignment, type ImageSize } from "./figure-image";

const ALIGNMENT_NAMES: Record<ImageAlignment, string> = { left: "Left", center: "Centre", right: "Right", wide: "Wide" };
const SIZE_NAMES: Record<ImageSize, string> = { small: "Small", medium: "Medium", full: "Full width" };
const IMAGE_ADDRESS = /^(?:https?:\/\/\S+|\/(?!\/)\S*)$/;

interface Props {
  id: string;
  /** The image being edited; absent when a new one is being inserted. */
  image?: FigureImageAttributes;
  onDone: (image: FigureImageAttributes) => void;
  onClose: () => void;
}

/**
 * Inserts an image (uploaded through POST /api/uploads, or by its address) or edits the one
 * selected: alt text is required unless the author says the image is decorative (alt=""), and
 * caption, alignment and size are chosen here too.
 */
export function ImageDialog({ id, image, onDone, onClose }: Props) {
  const [source, setSource] = useState<Pick<FigureImageAttributes, "src" | "width" | "height"> | null>(image ?? null);
  const [address, setAddress] = useState("");
  const [alt, setAlt] = useState(image?.alt ?? "");
  const [decorative, setDecorative] = useState(image !== undefined && image.alt === "");
  const [caption, setCaption] = useState(image?.caption ?? "");
  const [align, setAlign] = useState<ImageAlignment>(image?.align ?? "center");
  const [size, setSize] = useState<ImageSize>(image?.size ?? "full");
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState("");
  const statusId = useId();

  async function upload(file: File) {
    setUploading(true);
    setError("");
    try {
      const body = new FormData();
      body.append("file", file);
      const response = await fetch("/api/uploads", { method: "POST", body });
      const answer = (await response.json().catch(() => ({}))) as { url?: string; width?: number; height?: number; error?: string };
      if (response.status === 201 && answer.url) setSource({ src: answer.url, width: answer.width ?? null, height: answer.height ?? null });
      else setError(answer.error ?? `The upload failed (${response.status}).`);
    } catch {
      setError("The upload failed: check your connection and try again.");
    } finally {
      setUploading(false);
    }
  }

  function submit() {
    const chosen = source ?? (IMAGE_ADDRESS.test(address.trim()) ? { src: address.trim(), width: null, height: null } : null);
    if (!chosen) return setError(address.trim() ? "That is not an image address: it starts with https:// or /." : "Upload an image or give its address first.");
    if (!decorative && !alt.trim()) return setError("Describe the image in its alt text, or mark it as decorative.");
    onDone({ ...chosen, alt: decorative ? "" : alt.trim(), caption: caption.trim(), align, size });
  }

  return (
    <EditorDialog title={image ? "Edit image" : "Insert an image"} submitLabel={image ? "Save image" : "Insert image"} onSubmit={submit} onClose={onClose}>
      {source ? (
        // eslint-disable-next-line @next/next/no-img-element -- a preview of the image the author chose, at any address
        <img className={styles.preview} src={source.src} alt="" />
      ) : (
        <>
          <div className={ui.field}>
            <label htmlFor={`${id}-file`}>Upload an image</label>
            <input
              id={`${id}-file`}
              type="file"
              accept="image/*"
              disabled={uploading}
              aria-describedby={statusId}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </div>
          <Field id={`${id}-url`} label="Or its address" type="url" value={address} onChange={(event) => setAddress(event.target.value)} placeholder="https://" />
        </>
      )}
      <p id={statusId} role="status" className={styles.status}>
        {uploading ? "Uploading…" : ""}
      </p>
      <Field
        id={`${id}-alt`}
        label="Alt text"
        hint="What the image shows, for people who cannot see it."
        value={decorative ? "" : alt}
        disabled={decorative}
        required={!decorative}
        onChange={(event) => setAlt(event.target.value)}
      />
      <label className={styles.check}>
        <input type="checkbox" checked={decorative} onChange={(event) => setDecorative(event.target.checked)} />
        Decorative image (screen readers skip it)
      </label>
      <Field id={`${id}-caption`} label="Caption (optional)" value={caption} onChange={(event) => setCaption(event.target.value)} />
      <Choices legend="Alignment" name={`${id}-align`} options={IMAGE_ALIGNMENTS} names={ALIGNMENT_NAMES} value={align} onChange={setAlign} />
      <Choices legend="Size" name={`${id}-size`} options={IMAGE_SIZES} names={SIZE_NAMES} value={size} onChange={setSize} />
      <p role="alert" className={styles.error}>
        {error}
      </p>
    </EditorDialog>
  );
}

function Choices<T extends string>({ legend, name, options, names, value, onChange }: { legend: string; name: string; options: readonly T[]; names: Record<T, string>; value: T; onChange: (value: T) => void }) {
  return (
    <fieldset className={styles.choices}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className={styles.check}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {names[option]}
        </label>
      ))}
    </fieldset>
  );
}
