import type { Metadata } from "next";
import { yearParams } from "@/lib/static-params";
import { ArchivePosts, archiveMetadata } from "./archive-posts";

export const generateStaticParams = yearParams;

export async function generateMetadata({ params }: PageProps<"/[year]">): Promise<Metadata> {
  return archiveMetadata(await params);
}

export default async function YearArchivePage({ params }: PageProps<"/[year]">) {
  return <ArchivePosts {...await params} />;
}
