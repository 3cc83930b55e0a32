"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

interface Options {
  hasUnsavedChanges: () => boolean;
  /** Sends what is unsaved; true once the server has it. */
  flush: () => Promise<boolean>;
  /** Whether a save cannot be expected to land now (offline, failing, in conflict). */
  cannotFlush: boolean;
}

const sameOriginTarget = (event: MouseEvent): URL | null => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A link to a place on this page does not leave it.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return url;
};

/**
 * No keystroke lost on leaving: a click on a link inside the app while something is unsaved first
 * waits for the save, then goes (Next's router has no event to hold a navigation, so the click is
 * caught before its Link sees it). Leaving the site or reloading while a save cannot land asks first;
 * the local copy in the browser is offered back on return either way.
 */
export function useLeaveGuard({ hasUnsavedChanges, flush, cannotFlush }: Options) {
  const router = useRouter();
  const cannotFlushRef = useRef(cannotFlush);
  useEffect(() => {
    cannotFlushRef.current = cannotFlush;
  });

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!hasUnsavedChanges()) return;
      const url = sameOriginTarget(event);
      if (!url) return;
      event.preventDefault();
      event.stopPropagation();
      void flush().then((saved) => {
        const leave = saved || window.confirm("Your latest changes could not be saved. They are kept in this browser and offered back when you return. Leave anyway?");
        if (leave) router.push(`${url.pathname}${url.search}${url.hash}`);
      });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges() && (cannotFlushRef.current || !navigator.onLine)) event.preventDefault();
    };
    // Capturing on the document runs before React's own listener on its root, so the Link waits.
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [hasUnsavedChanges, flush, router]);
}
