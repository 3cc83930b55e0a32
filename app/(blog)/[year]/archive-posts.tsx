import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { YearMonths } from "@/components/archive/year-months";
import { ArchiveHeading, archiveTitle } from "@/components/post/archive-heading";
import { PostListPage } from "@/components/post/post-list-page";
import { redirectOrNotFound } from "@/lib/redirect-or-not-found";
import { pageMetadata } from "@/lib/seo";
import { monthParam, yearParam } from "@/lib/validation/reader";

// Shared by the year and month archives, first pages and the pages after them.

interface ArchiveParams {
  year: string;
  month?: string;
  cursor?: string;
}

function archivePath({ year, month }: ArchiveParams): string {
  return month ? `/${year}/${month}` : `/${year}`;
}

export function archiveMetadata(params: ArchiveParams): Promise<Metadata> {
  const title = `Posts from ${archiveTitle(params.year, params.month)}${params.cursor ? " (continued)" : ""}`;
  return pageMetadata({ title, path: params.cursor ? `${archivePath(params)}/page/${params.cursor}` : archivePath(params) });
}

export async function ArchivePosts({ year: rawYear, month: rawMonth, cursor }: ArchiveParams) {
  const year = yearParam.safeParse(rawYear).data;
  const month = rawMonth === undefined ? undefined : monthParam.safeParse(rawMonth).data;
  // Not an archive: a WordPress postname ("/my-post"), "/archives/12" or "/category/books", perhaps.
  if (!year || (rawMonth !== undefined && !month)) {
    return cursor ? notFound() : redirectOrNotFound(archivePath({ year: rawYear, month: rawMonth }));
  }
  const period = month ? `${year}/${month}` : year;
  return (
    <PostListPage
      scope={{ kind: "period", period }}
      basePath={`/${period}`}
      cursor={cursor}
      heading={
        <>
          <ArchiveHeading year={year} month={month} />
          {!month && !cursor && <YearMonths year={year} />}
        </>
      }
      empty={cursor ? "No more posts." : `Nothing was published in ${archiveTitle(year, month)}.`}
    />
  );
}
