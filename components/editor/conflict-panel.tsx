"use client";

import { Button, ButtonGroup } from "@/components/ui/button";
import type { PostContent } from "./post-content";
import { formatClock } from "./post-content";
import styles from "./post-editor.module.css";

export interface TheirVersion {
  title: string;
  bodyHtml: string;
  version: number;
  updatedAt: string;
}

interface Props {
  mine: PostContent;
  theirs: TheirVersion | null;
  timeZone: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** After a refused save: both versions side by side, and the author chooses. */
export function ConflictPanel({ mine, theirs, timeZone, onKeepMine, onTakeTheirs }: Props) {
  return (
    <section className={styles.conflict} role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">This post was changed somewhere else</h2>
      <p>
        This post was changed in another tab or by someone else
        {theirs ? ` at ${formatClock(theirs.updatedAt, timeZone, { withDay: true })}` : ""}. Autosave has stopped, and nothing has been overwritten: your
        changes are still here and kept in this browser. Compare the two, then choose.
      </p>
      {theirs && (
        <div className={styles.versions}>
          <Version heading="Saved version (theirs)" id="theirs" title={theirs.title} bodyHtml={theirs.bodyHtml} />
          <Version heading="Your version (not saved)" id="mine" title={mine.title} bodyHtml={mine.bodyHtml} />
        </div>
      )}
      <ButtonGroup>
        <Button intent="primary" onClick={onKeepMine} disabled={!theirs}>
          Keep mine (overwrite)
        </Button>
        <Button onClick={onTakeTheirs}>Take theirs (reload)</Button>
      </ButtonGroup>
    </section>
  );
}

function Version({ heading, id, title, bodyHtml }: { heading: string; id: string; title: string; bodyHtml: string }) {
  return (
    <div>
      <h3>{heading}</h3>
      <p>
        <strong>Title:</strong> {title}
      </p>
      <label htmlFor={`conflict-${id}-body`}>Body (HTML)</label>
      <textarea id={`conflict-${id}-body`} readOnly value={bodyHtml} rows={10} />
    </div>
  );
}
