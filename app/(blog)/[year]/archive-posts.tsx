import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { YearMonths } from "@/components/archive/year-months";
import { ArchiveHeading, archiveTitle } from "@/components/post/archive-heading";
import { PostListPage } from "@/components/post/post-list-page";
import { messagesFor } from "@/lib/messages";
import { redirectOrNotFound } from "@/lib/redirect-or-not-found";
import { pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
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

export async function archiveMetadata(params: ArchiveParams): Promise<Metadata> {
  const { locale } = await getBlogSettings();
  const t = messagesFor(locale);
  const title = `${t.postsFrom(archiveTitle(locale, params.year, params.month))}${params.cursor ? t.continued : ""}`;
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
  const { locale } = await getBlogSettings();
  const t = messagesFor(locale);
  const title = archiveTitle(locale, year, month);
  return (
    <PostListPage
      scope={{ kind: "period", period }}
      basePath={`/${period}`}
      cursor={cursor}
      heading={
        <>
          <ArchiveHeading title={title} t={t} />
          {!month && !cursor && <YearMonths year={year} locale={locale} t={t} />}
        </>
      }
      empty={cursor ? t.noMorePosts : t.nothingPublishedIn(title)}
    />
  );
}
