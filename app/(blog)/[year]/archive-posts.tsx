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

/**
 * The year and month of an archive's address, or undefined for any other address that lands on
 * these routes: a WordPress postname ("/my-post"), "/archives/12" or "/category/books", perhaps.
 */
function archivePeriod(params: ArchiveParams): { year: string; month?: string } | undefined {
  const year = yearParam.safeParse(params.year).data;
  const month = params.month === undefined ? undefined : monthParam.safeParse(params.month).data;
  return !year || (params.month !== undefined && !month) ? undefined : { year, month };
}

export async function archiveMetadata(params: ArchiveParams): Promise<Metadata> {
  const period = archivePeriod(params);
  // Not an archive: the page redirects or answers 404, and a month's name cannot be made of it.
  if (!period) return {};
  const { locale } = await getBlogSettings();
  const t = messagesFor(locale);
  const title = `${t.postsFrom(archiveTitle(locale, period.year, period.month))}${params.cursor ? t.continued : ""}`;
  return pageMetadata({ title, path: params.cursor ? `${archivePath(params)}/page/${params.cursor}` : archivePath(params) });
}

export async function ArchivePosts({ year: rawYear, month: rawMonth, cursor }: ArchiveParams) {
  const archive = archivePeriod({ year: rawYear, month: rawMonth });
  if (!archive) return cursor ? notFound() : redirectOrNotFound(archivePath({ year: rawYear, month: rawMonth }));
  const { year, month } = archive;
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
