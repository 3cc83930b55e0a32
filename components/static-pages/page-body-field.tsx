"use client";
import { useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";

interface PageBodyFieldProps {
  defaultValue: string;
  errors?: string[];
}

const ID = "page-body";

/** The page body in the posts' rich text editor; the form posts the hidden input's HTML. */
export function PageBodyField({ defaultValue, errors }: PageBodyFieldProps) {
  const [value, setValue] = useState(defaultValue);
  return (
    <div className="field">
      <RichTextEditor id={ID} label="Body" value={value} onChange={setValue} />
      <input type="hidden" name="bodyHtml" value={value} />
      <p id={`${ID}-error`} className="field-error" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
