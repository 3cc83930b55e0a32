import type { ReactNode } from "react";

// A preview is per person and reads cookies: each renders in full for its request. Each page
// draws the reader's frame itself: a post's in the blog's appearance, the Appearance page's in
// the unsaved one it previews.
export const instant = false;

export default function PreviewLayout({ children }: { children: ReactNode }) {
  return children;
}
