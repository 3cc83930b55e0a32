import type { Metadata } from "next";
import { yearCursorParams } from "@/lib/static-params";
import { ArchivePosts, archiveMetadata } from "../../archive-posts";

export const generateStaticParams = yearCursorParams;

export async function generateMetadata({ params }: PageProps<"/[year]/page/[cursor]">): Promise<Metadata> {
  return archiveMetadata(await params);
}

export default async function YearArchiveLaterPage({ params }: PageProps<"/[year]/page/[cursor]">) {
  return <ArchivePosts {...await params} />;
}
