import type { ReactNode, TableHTMLAttributes } from "react";
import styles from "./ui.module.css";

/**
 * A table on a wide screen that becomes a list of cards on a narrow one (no sideways scrolling at
 * 360 px). Give every <td> a data-label naming its column; the header row is kept for screen readers.
 */
export function StackingTable({ caption, children, className, ...rest }: TableHTMLAttributes<HTMLTableElement> & { caption?: ReactNode }) {
  return (
    <table className={[styles.table, className].filter(Boolean).join(" ")} {...rest}>
      {caption ? <caption>{caption}</caption> : null}
      {children}
    </table>
  );
}
