import type { Metadata } from "next";
import { BlogChrome } from "@/components/blog/blog-chrome";
import { NotFoundMessage } from "@/components/blog/not-found-message";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor((await getBlogSettings()).locale).pageNotFound, robots: { index: false } };
}

// A path no route knows, in the blog's layout like every other 404.
export default function NotFound() {
  return (
    <BlogChrome>
      <NotFoundMessage />
    </BlogChrome>
  );
}
