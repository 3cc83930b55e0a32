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
  /** A post's featured image: the picture of its social cards. */
  image?: { url: string; width: number; height: number } | null;
}

/** Title, description, canonical link, feed links, OpenGraph and Twitter tags for a reader page. */
export async function pageMetadata(options: PageMetadataOptions): Promise<Metadata> {
  const settings = await getBlogSettings();
  const title = options.title ? `${options.title} | ${settings.blogTitle}` : settings.blogTitle;
  const description = options.description || settings.description || settings.blogTitle;
  const url = absoluteUrl(options.path);
  const images = options.image ? [{ url: absoluteUrl(options.image.url), width: options.image.width, height: options.image.height }] : undefined;
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
      images,
      ...(options.type === "article" && {
        publishedTime: options.publishedTime?.toISOString(),
        modifiedTime: options.modifiedTime?.toISOString(),
        authors: options.authors,
      }),
    },
    twitter: { card: images ? "summary_large_image" : "summary", title: options.title ?? settings.blogTitle, description, images },
  };
}

/** A meta description from a post: its excerpt, or the start of its text. */
export function describe(text: string, limit = 160): string {
  const plain = text.replace(/\s+/g, " ").trim();
  return plain.length <= limit ? plain : `${plain.slice(0, limit - 1).replace(/\s+\S*$/, "")}…`;
}
