import styles from "@/components/revisions/revisions.module.css";
import type { DiffPart } from "@/lib/posts/revision-diff";

// Words only in the revision are <del>, words only in the current text are <ins>; each also says
// so in words for screen readers, which do not announce <ins>/<del> by themselves.
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className={styles.text}>
      {parts.map((part, index) =>
        part.change === "added" ? (
          <ins key={index} className={styles.added}>
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.change === "removed" ? (
          <del key={index} className={styles.removed}>
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function DiffLegend() {
  return (
    <ul className={styles.legend} aria-label="How changes are shown">
      <li>
        <del className={styles.removed}>Struck through</del>: in this revision, no longer in the current text
      </li>
      <li>
        <ins className={styles.added}>Underlined</ins>: added to the current text since this revision
      </li>
    </ul>
  );
}
