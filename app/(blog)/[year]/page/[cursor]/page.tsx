import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchiveHeading, archiveTitle } from "@/components/post/archive-heading";
import { PostListPage } from "@/components/post/post-list-page";
import { pageMetadata } from "@/lib/seo";
import { yearParam } from "@/lib/validation/reader";
import { yearCursorParams } from "@/lib/static-params";

export const generateStaticParams = yearCursorParams;


export async function generateMetadata({ params }: PageProps<"/[year]/page/[cursor]">): Promise<Metadata> {
  const { year, cursor } = await params;
  return pageMetadata({ title: `Posts from ${archiveTitle(year)} (continued)`, path: `/${year}/page/${cursor}` });
}

export default async function YearArchiveLaterPage({ params }: PageProps<"/[year]/page/[cursor]">) {
  const { year: rawYear, cursor } = await params;
  const year = yearParam.safeParse(rawYear).data ?? notFound();
  return (
    <PostListPage scope={{ kind: "period", period: year }} basePath={`/${year}`} cursor={cursor} heading={<ArchiveHeading year={year} />} empty="No more posts." />
  );
}
