"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { useCopy } from "@/components/ui/use-copy";
import styles from "./image-library.module.css";

/** The image's address in a read-only field (selectable by hand) with a button that copies it. */
export function CopyUrl({ url, imageName }: { url: string; imageName: string }) {
  const id = useId();
  const { said: copied, copy } = useCopy(url, { copied: "Copied.", refused: "Copying was not allowed: select the address and copy it by hand." });

  return (
    <div className={styles.copyUrl}>
      <label htmlFor={id}>
        URL<span className="visually-hidden"> of {imageName}</span>
      </label>
      <input id={id} type="text" value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
      <Button size="small" onClick={copy}>
        Copy<span className="visually-hidden"> URL of {imageName}</span>
      </Button>
      <span className={styles.status} aria-live="polite">
        {copied}
      </span>
    </div>
  );
}
