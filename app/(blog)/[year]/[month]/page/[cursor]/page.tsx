import type { Metadata } from "next";
import { monthCursorParams } from "@/lib/static-params";
import { ArchivePosts, archiveMetadata } from "../../../archive-posts";

export const generateStaticParams = monthCursorParams;

export async function generateMetadata({ params }: PageProps<"/[year]/[month]/page/[cursor]">): Promise<Metadata> {
  return archiveMetadata(await params);
}

export default async function MonthArchiveLaterPage({ params }: PageProps<"/[year]/[month]/page/[cursor]">) {
  return <ArchivePosts {...await params} />;
}
