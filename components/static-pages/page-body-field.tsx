"use client";
import { useState } from "react";

interface PageBodyFieldProps {
  defaultValue: string;
  errors?: string[];
}

const ID = "page-body";

/**
 * The page body. The form reads the hidden input, so the editor in front of it only has to edit
 * an HTML string: PlainHtmlEditor takes the shared rich text editor's props ({ id, label, value,
 * onChange }) so that one can take its place.
 */
export function PageBodyField({ defaultValue, errors }: PageBodyFieldProps) {
  const [value, setValue] = useState(defaultValue);
  return (
    <div className="field">
      <PlainHtmlEditor id={ID} label="Body" value={value} onChange={setValue} />
      <input type="hidden" name="bodyHtml" value={value} />
      <p id={`${ID}-error`} className="field-error" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

function PlainHtmlEditor({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (html: string) => void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        HTML: paragraphs, headings, lists, links, images and tables are kept; anything else is removed when you save.
      </p>
      <textarea id={id} rows={16} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={`${id}-hint ${id}-error`} />
    </>
  );
}
