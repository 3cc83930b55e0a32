"use client";

import { useState } from "react";

/**
 * Copies `text` to the clipboard and gives what to say about it (for an aria-live region):
 * `messages.copied`, or `messages.refused` when the browser would not (a denied permission).
 */
export function useCopy(text: string, messages: { copied: string; refused: string }) {
  const [said, setSaid] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(messages.copied);
    } catch {
      setSaid(messages.refused);
    }
  }
  return { said, copy };
}
