import type { Metadata } from "next";
import { monthParams } from "@/lib/static-params";
import { ArchivePosts, archiveMetadata } from "../archive-posts";

export const generateStaticParams = monthParams;

export async function generateMetadata({ params }: PageProps<"/[year]/[month]">): Promise<Metadata> {
  return archiveMetadata(await params);
}

export default async function MonthArchivePage({ params }: PageProps<"/[year]/[month]">) {
  return <ArchivePosts {...await params} />;
}
