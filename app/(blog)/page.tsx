import type { Metadata } from "next";
import { PostListPage } from "@/components/post/post-list-page";
import { JsonLd } from "@/components/seo/json-ld";
import { messagesFor } from "@/lib/messages";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { absoluteUrl } from "@/lib/site";

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({ path: "/" });
}

export default async function HomePage() {
  const settings = await getBlogSettings();
  const t = messagesFor(settings.locale);
  return (
    <>
      <JsonLd data={{ "@context": "https://schema.org", "@type": "Blog", name: settings.blogTitle, description: settings.description, url: absoluteUrl("/") }} />
      <PostListPage
        scope={{ kind: "all" }}
        basePath="/"
        heading={<h1 className="visually-hidden">{t.newestPostsOn(settings.blogTitle)}</h1>}
        empty={t.nothingPublished}
      />
    </>
  );
}
