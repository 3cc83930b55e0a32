import { useSyncExternalStore } from "react";

/** What the page's per-viewer part tells the comment controls in the cached thread. */
export interface ViewerSnapshot {
  userId: string;
  name: string;
  moderator: boolean;
  /** The viewer's own shown comments on this post: whether still editable (the server checks again), and the text. */
  own: { id: string; editable: boolean; text: string }[];
}

// `undefined`: not known yet (rendering on the server, or before the per-viewer part arrives, or
// without JavaScript); `null`: signed out.
let current: ViewerSnapshot | null | undefined;
const listeners = new Set<() => void>();

export function publishViewer(viewer: ViewerSnapshot | null) {
  current = viewer;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The viewer, read by the per-comment controls; always unknown on the server. */
export function useCommentViewer(): ViewerSnapshot | null | undefined {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => undefined,
  );
}

const never = () => () => {};
/** False on the server and during hydration, true after: for what only works with JavaScript. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
