import type { Metadata } from "next";
import { LabelPosts, labelMetadata } from "./label-posts";
import { labelParams } from "@/lib/static-params";

export const generateStaticParams = labelParams;


export async function generateMetadata({ params }: PageProps<"/label/[slug]">): Promise<Metadata> {
  return labelMetadata((await params).slug);
}

export default async function LabelPage({ params }: PageProps<"/label/[slug]">) {
  return <LabelPosts slug={(await params).slug} />;
}
