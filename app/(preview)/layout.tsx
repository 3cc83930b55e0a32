import type { ReactNode } from "react";
import { BlogChrome } from "@/components/blog/blog-chrome";

// A preview is per person and reads cookies: each renders in full for its request.
export const instant = false;

/** The reader's frame around a post that readers cannot see yet, so it looks as it will. */
export default function PreviewLayout({ children }: { children: ReactNode }) {
  return <BlogChrome>{children}</BlogChrome>;
}
