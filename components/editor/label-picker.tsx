"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import styles from "./post-editor.module.css";

interface Props {
  id: string;
  labels: string[];
  known: string[];
  onChange: (labels: string[]) => void;
}

/** Labels as removable chips; type to pick a known one from the list or to make a new one. */
export function LabelPicker({ id, labels, known, onChange }: Props) {
  const [typed, setTyped] = useState("");

  function add() {
    const name = typed.trim().replace(/,+$/, "").trim();
    setTyped("");
    if (!name) return;
    // A known label keeps its own spelling.
    const existing = known.find((label) => label.toLowerCase() === name.toLowerCase()) ?? name;
    if (!labels.some((label) => label.toLowerCase() === existing.toLowerCase())) onChange([...labels, existing]);
  }

  return (
    <div className={styles.field}>
      <label htmlFor={id}>Labels</label>
      {labels.length > 0 && (
        <ul className={styles.chips} aria-label="Labels on this post">
          {labels.map((label) => (
            <li key={label} className={styles.chip}>
              {label}
              <button type="button" aria-label={`Remove label ${label}`} onClick={() => onChange(labels.filter((entry) => entry !== label))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.inline}>
        <input
          id={id}
          list={`${id}-known`}
          value={typed}
          maxLength={50}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === ",") {
              event.preventDefault();
              add();
            }
          }}
        />
        <Button size="small" onClick={add}>
          Add label
        </Button>
      </div>
      <datalist id={`${id}-known`}>
        {known.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className={styles.hint}>
        Pick a label or type a new one, then press Enter.
      </p>
    </div>
  );
}
