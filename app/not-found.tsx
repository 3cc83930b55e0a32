import type { Metadata } from "next";
import { BlogChrome } from "@/components/blog/blog-chrome";
import { NotFoundMessage } from "@/components/blog/not-found-message";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// A path no route knows, in the blog's layout like every other 404.
export default function NotFound() {
  return (
    <BlogChrome>
      <NotFoundMessage />
    </BlogChrome>
  );
}
