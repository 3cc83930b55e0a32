import type { Metadata } from "next";
import { LabelPosts, labelMetadata } from "../../label-posts";
import { labelCursorParams } from "@/lib/static-params";

export const generateStaticParams = labelCursorParams;


export async function generateMetadata({ params }: PageProps<"/label/[slug]/page/[cursor]">): Promise<Metadata> {
  const { slug, cursor } = await params;
  return labelMetadata(slug, cursor);
}

export default async function LabelLaterPage({ params }: PageProps<"/label/[slug]/page/[cursor]">) {
  const { slug, cursor } = await params;
  return <LabelPosts slug={slug} cursor={cursor} />;
}
