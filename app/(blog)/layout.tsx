import type { ReactNode } from "react";
import { BlogChrome } from "@/components/blog/blog-chrome";

export default function BlogLayout({ children }: { children: ReactNode }) {
  return <BlogChrome>{children}</BlogChrome>;
}
