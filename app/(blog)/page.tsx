import type { Metadata } from "next";
import { PostListPage } from "@/components/post/post-list-page";
import { JsonLd } from "@/components/seo/json-ld";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { absoluteUrl } from "@/lib/site";

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({ path: "/" });
}

export default async function HomePage() {
  const settings = await getBlogSettings();
  return (
    <>
      <JsonLd data={{ "@context": "https://schema.org", "@type": "Blog", name: settings.blogTitle, description: settings.description, url: absoluteUrl("/") }} />
      <PostListPage
        scope={{ kind: "all" }}
        basePath="/"
        heading={<h1 className="visually-hidden">Newest posts on {settings.blogTitle}</h1>}
        empty="Nothing has been published here yet."
      />
    </>
  );
}
