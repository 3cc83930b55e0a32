import type { Metadata } from "next";
import { AuthorPosts, authorMetadata } from "../../author-posts";
import { authorCursorParams } from "@/lib/static-params";

export const generateStaticParams = authorCursorParams;

export async function generateMetadata({ params }: PageProps<"/profile/[slug]/page/[cursor]">): Promise<Metadata> {
  const { slug, cursor } = await params;
  return authorMetadata(slug, cursor);
}

export default async function AuthorLaterPage({ params }: PageProps<"/profile/[slug]/page/[cursor]">) {
  const { slug, cursor } = await params;
  return <AuthorPosts slug={slug} cursor={cursor} />;
}
