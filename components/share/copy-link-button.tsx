"use client";

import { useSyncExternalStore } from "react";
import { useCopy } from "@/components/ui/use-copy";

const noSubscription = () => () => {};

/**
 * Copies the post's address. Rendered only once the page's script runs and the browser offers a
 * clipboard: without them the address beside it is there to select by hand. The outcome is said
 * in a live region, so a screen reader hears it too.
 */
export function CopyLinkButton({ url }: { url: string }) {
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.clipboard?.writeText === "function",
    () => false,
  );
  const { said, copy } = useCopy(url, { copied: "Link copied.", refused: "Copying was not allowed: select the link below and copy it by hand." });

  return (
    <>
      {canCopy && (
        <button type="button" className="share-copy" onClick={copy}>
          Copy link
        </button>
      )}
      <span role="status" aria-live="polite">
        {said}
      </span>
    </>
  );
}
