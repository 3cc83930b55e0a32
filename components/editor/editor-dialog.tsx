"use client";

import { useId, useLayoutEffect, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { ButtonGroup, Button } from "@/components/ui/button";
import styles from "./editor-dialog.module.css";

interface Props {
  title: string;
  /** The main action's words ("Insert image"); Enter in a field does it too. */
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  /** A destructive action set apart (Remove link). */
  apart?: ReactNode;
}

/**
 * A modal <dialog> for the editor's image and link choices. It lives outside the post's form
 * (a portal), so Enter in one of its fields does its own action and never submits the post.
 * Escape and Cancel close it, and focus goes back to where it was.
 */
export function EditorDialog({ title, submitLabel, onSubmit, onClose, children, apart }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  // Layout effect: its clean-up runs as the dialog leaves, so a caller that closes it inside
  // flushSync can then move the focus elsewhere (back into the editor).
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.current?.open) dialog.current?.showModal();
    return () => opener?.focus();
  }, []);

  return createPortal(
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={headingId}
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.type !== "checkbox" && event.target.type !== "radio" && event.target.type !== "file") {
          event.preventDefault();
          onSubmit();
        }
      }}
    >
      <h2 id={headingId} className={styles.heading}>
        {title}
      </h2>
      <div className={styles.body}>{children}</div>
      <ButtonGroup apart={apart}>
        <Button intent="primary" onClick={onSubmit}>
          {submitLabel}
        </Button>
        <Button intent="quiet" onClick={() => dialog.current?.close()}>
          Cancel
        </Button>
      </ButtonGroup>
    </dialog>,
    document.body,
  );
}
