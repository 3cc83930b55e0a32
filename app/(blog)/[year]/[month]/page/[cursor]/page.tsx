import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchiveHeading, archiveTitle } from "@/components/post/archive-heading";
import { PostListPage } from "@/components/post/post-list-page";
import { pageMetadata } from "@/lib/seo";
import { monthParam, yearParam } from "@/lib/validation/reader";
import { monthCursorParams } from "@/lib/static-params";

export const generateStaticParams = monthCursorParams;


export async function generateMetadata({ params }: PageProps<"/[year]/[month]/page/[cursor]">): Promise<Metadata> {
  const { year, month, cursor } = await params;
  return pageMetadata({ title: `Posts from ${archiveTitle(year, month)} (continued)`, path: `/${year}/${month}/page/${cursor}` });
}

export default async function MonthArchiveLaterPage({ params }: PageProps<"/[year]/[month]/page/[cursor]">) {
  const { year: rawYear, month: rawMonth, cursor } = await params;
  const year = yearParam.safeParse(rawYear).data ?? notFound();
  const month = monthParam.safeParse(rawMonth).data ?? notFound();
  return (
    <PostListPage
      scope={{ kind: "period", period: `${year}/${month}` }}
      basePath={`/${year}/${month}`}
      cursor={cursor}
      heading={<ArchiveHeading year={year} month={month} />}
      empty="No more posts."
    />
  );
}
