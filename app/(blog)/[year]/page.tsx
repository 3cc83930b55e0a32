import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchiveHeading, archiveTitle } from "@/components/post/archive-heading";
import { PostListPage } from "@/components/post/post-list-page";
import { pageMetadata } from "@/lib/seo";
import { yearParam } from "@/lib/validation/reader";
import { yearParams } from "@/lib/static-params";

export const generateStaticParams = yearParams;


export async function generateMetadata({ params }: PageProps<"/[year]">): Promise<Metadata> {
  const { year } = await params;
  return pageMetadata({ title: `Posts from ${archiveTitle(year)}`, path: `/${year}` });
}

export default async function YearArchivePage({ params }: PageProps<"/[year]">) {
  const year = yearParam.safeParse((await params).year).data ?? notFound();
  return (
    <PostListPage scope={{ kind: "period", period: year }} basePath={`/${year}`} heading={<ArchiveHeading year={year} />} empty={`Nothing was published in ${year}.`} />
  );
}
