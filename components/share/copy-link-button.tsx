"use client";

import { useSyncExternalStore } from "react";
import { useCopy } from "@/components/ui/use-copy";

const noSubscription = () => () => {};

/**
 * Copies the post's address. Rendered only once the page's script runs and the browser offers a
 * clipboard: without them the address beside it is there to select by hand. The outcome is said
 * in a live region, so a screen reader hears it too.
 */
export function CopyLinkButton({ url, words }: { url: string; words: { copyLink: string; copied: string; refused: string } }) {
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.clipboard?.writeText === "function",
    () => false,
  );
  const { said, copy } = useCopy(url, words);

  return (
    <>
      {canCopy && (
        <button type="button" className="share-copy" onClick={copy}>
          {words.copyLink}
        </button>
      )}
      <span role="status" aria-live="polite">
        {said}
      </span>
    </>
  );
}
