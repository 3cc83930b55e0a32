"use client";

import { useEffect } from "react";
import { publishViewer, type ViewerSnapshot } from "@/components/comment/viewer-store";

/** Rendered by the page's per-viewer part: hands the viewer to the controls in the cached thread. */
export function ViewerPublisher({ viewer }: { viewer: ViewerSnapshot | null }) {
  useEffect(() => {
    publishViewer(viewer);
  }, [viewer]);
  return null;
}
