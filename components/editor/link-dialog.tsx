"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { EditorDialog } from "./editor-dialog";
import styles from "./editor-dialog.module.css";

export interface LinkChoice {
  href: string;
  text: string;
  newTab: boolean;
}

/** A web or mail address, or a path on this blog; nothing a browser would run (javascript:, data:). */
export function linkAddressProblem(href: string): string | null {
  if (!href) return "Give the link's address.";
  if (/^\/(?!\/)\S*$/.test(href)) return null;
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(href)) return null;
  if (/^https?:\/\/[^\s/]+\.[^\s]+$|^https?:\/\/localhost(?::\d+)?(?:\/\S*)?$/i.test(href)) return null;
  return "Links can go to web addresses (https://…), email addresses (mailto:…) or pages on this blog (/…).";
}

interface Props {
  id: string;
  initial: LinkChoice;
  /** The selection is already a link: offer to remove it. */
  existing: boolean;
  onDone: (link: LinkChoice) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** Adds or changes a link: its address (checked), its text and whether it opens in a new tab. */
export function LinkDialog({ id, initial, existing, onDone, onRemove, onClose }: Props) {
  const [href, setHref] = useState(initial.href);
  const [text, setText] = useState(initial.text);
  const [newTab, setNewTab] = useState(initial.newTab);
  const [problem, setProblem] = useState<string | null>(null);

  function submit() {
    const address = href.trim();
    const found = linkAddressProblem(address);
    setProblem(found);
    if (!found) onDone({ href: address, text: text.trim() || address, newTab });
  }

  return (
    <EditorDialog
      title={existing ? "Edit link" : "Insert a link"}
      submitLabel={existing ? "Save link" : "Insert link"}
      onSubmit={submit}
      onClose={onClose}
      apart={
        existing && (
          <Button intent="destructive" onClick={onRemove}>
            Remove link
          </Button>
        )
      }
    >
      <Field
        id={`${id}-href`}
        label="Address"
        hint="https://…, mailto:… or a path on this blog such as /p/about"
        value={href}
        required
        errors={problem ? [problem] : undefined}
        onChange={(event) => setHref(event.target.value)}
      />
      <Field id={`${id}-text`} label="Link text" value={text} onChange={(event) => setText(event.target.value)} />
      <label className={styles.check}>
        <input type="checkbox" checked={newTab} onChange={(event) => setNewTab(event.target.checked)} />
        Open in a new tab
      </label>
    </EditorDialog>
  );
}
