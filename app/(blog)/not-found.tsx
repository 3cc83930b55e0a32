import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/blog/not-found-message";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor((await getBlogSettings()).locale).pageNotFound, robots: { index: false } };
}

// A reader page that found nothing (notFound()), inside the blog layout.
export default function BlogNotFound() {
  return <NotFoundMessage />;
}
