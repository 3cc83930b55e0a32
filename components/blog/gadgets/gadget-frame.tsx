import type { ReactNode } from "react";

/** Where a gadget's heading points its landmark, unique on the page. */
export const headingIdOf = (gadgetId: string) => `gadget-${gadgetId}-heading`;

/**
 * A gadget's box: a navigation landmark named by its heading for gadgets of links, a plain box
 * otherwise, and no heading at all when it has none (a Text gadget with no title).
 */
export function GadgetFrame({ gadgetId, heading, links, className = "", children }: { gadgetId: string; heading: string; links: boolean; className?: string; children: ReactNode }) {
  const id = headingIdOf(gadgetId);
  const title = heading ? <h2 id={id}>{heading}</h2> : null;
  return links && heading ? (
    <nav className={`widget ${className}`} aria-labelledby={id}>
      {title}
      {children}
    </nav>
  ) : (
    <div className={`widget ${className}`}>
      {title}
      {children}
    </div>
  );
}
