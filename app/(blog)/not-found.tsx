import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/blog/not-found-message";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// A reader page that found nothing (notFound()), inside the blog layout.
export default function BlogNotFound() {
  return <NotFoundMessage />;
}
