import Link from "next/link";
import { SearchForm } from "@/components/blog/search-form";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";

export async function NotFoundMessage() {
  const t = messagesFor((await getBlogSettings()).locale);
  return (
    <>
      <h1 className="list-heading">{t.notFoundHeading}</h1>
      <p>
        {t.notFoundBefore}
        <Link href="/">{t.notFoundHomeLink}</Link>.
      </p>
      <SearchForm t={t} id="not-found-query" name={t.searchInstead} />
    </>
  );
}
