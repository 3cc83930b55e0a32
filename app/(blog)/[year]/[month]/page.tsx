import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchiveHeading, archiveTitle } from "@/components/post/archive-heading";
import { PostListPage } from "@/components/post/post-list-page";
import { pageMetadata } from "@/lib/seo";
import { monthParam, yearParam } from "@/lib/validation/reader";
import { monthParams } from "@/lib/static-params";

export const generateStaticParams = monthParams;


export async function generateMetadata({ params }: PageProps<"/[year]/[month]">): Promise<Metadata> {
  const { year, month } = await params;
  return pageMetadata({ title: `Posts from ${archiveTitle(year, month)}`, path: `/${year}/${month}` });
}

export default async function MonthArchivePage({ params }: PageProps<"/[year]/[month]">) {
  const { year: rawYear, month: rawMonth } = await params;
  const year = yearParam.safeParse(rawYear).data ?? notFound();
  const month = monthParam.safeParse(rawMonth).data ?? notFound();
  return (
    <PostListPage
      scope={{ kind: "period", period: `${year}/${month}` }}
      basePath={`/${year}/${month}`}
      heading={<ArchiveHeading year={year} month={month} />}
      empty={`Nothing was published in ${archiveTitle(year, month)}.`}
    />
  );
}
