import type { Metadata } from "next";
import { PostBody } from "@/components/post/post-body";
import { getPage } from "@/lib/reader";
import { redirectOrNotFound } from "@/lib/redirect-or-not-found";
import { pageMetadata } from "@/lib/seo";
import { slugParam } from "@/lib/validation/reader";
import { pageParams } from "@/lib/static-params";

async function findPage(rawSlug: string) {
  const slug = slugParam.safeParse(rawSlug).data;
  return slug ? getPage(slug) : null;
}

export const generateStaticParams = pageParams;


export async function generateMetadata({ params }: PageProps<"/p/[slug]">): Promise<Metadata> {
  const page = await findPage((await params).slug);
  return page ? pageMetadata({ title: page.title, path: `/p/${page.slug}` }) : {};
}

export default async function StaticPage({ params }: PageProps<"/p/[slug]">) {
  const { slug } = await params;
  const page = (await findPage(slug)) ?? (await redirectOrNotFound(`/p/${slug}`));
  return (
    <article className="post static-page">
      <h1 className="post-title">{page.title}</h1>
      <PostBody className="post-body" html={page.bodyHtml} eagerFirst />
    </article>
  );
}
