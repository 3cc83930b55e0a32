import "server-only";
import type { Metadata } from "next";
import { feedAlternates } from "@/lib/feeds";
import { absoluteUrl } from "@/lib/site";
import { getBlogSettings } from "@/lib/settings";

export interface PageMetadataOptions {
  /** The page's own title; the blog's title is added after it. Omitted: the blog's title alone. */
  title?: string;
  description?: string;
  /** The canonical path, e.g. "/2011/09/slug". */
  path: string;
  type?: "website" | "article";
  publishedTime?: Date;
  modifiedTime?: Date;
  authors?: string[];
  /** On a label's pages, the feed links point at that label's feed. */
  label?: { name: string };
}

/** Title, description, canonical link, feed links, OpenGraph and Twitter tags for a reader page. */
export async function pageMetadata(options: PageMetadataOptions): Promise<Metadata> {
  const settings = await getBlogSettings();
  const title = options.title ? `${options.title} | ${settings.blogTitle}` : settings.blogTitle;
  const description = options.description || settings.description || settings.blogTitle;
  const url = absoluteUrl(options.path);
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: url, types: feedAlternates(settings.blogTitle, { label: options.label }) },
    openGraph: {
      type: options.type ?? "website",
      title: options.title ?? settings.blogTitle,
      description,
      url,
      siteName: settings.blogTitle,
      ...(options.type === "article" && {
        publishedTime: options.publishedTime?.toISOString(),
        modifiedTime: options.modifiedTime?.toISOString(),
        authors: options.authors,
      }),
    },
    twitter: { card: "summary", title: options.title ?? settings.blogTitle, description },
  };
}

/** A meta description from a post: its excerpt, or the start of its text. */
export function describe(text: string, limit = 160): string {
  const plain = text.replace(/\s+/g, " ").trim();
  return plain.length <= limit ? plain : `${plain.slice(0, limit - 1).replace(/\s+\S*$/, "")}…`;
}
