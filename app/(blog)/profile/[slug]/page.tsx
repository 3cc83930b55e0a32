import type { Metadata } from "next";
import { AuthorPosts, authorMetadata } from "./author-posts";
import { authorParams } from "@/lib/static-params";

export const generateStaticParams = authorParams;

export async function generateMetadata({ params }: PageProps<"/profile/[slug]">): Promise<Metadata> {
  return authorMetadata((await params).slug);
}

export default async function AuthorPage({ params }: PageProps<"/profile/[slug]">) {
  return <AuthorPosts slug={(await params).slug} />;
}
