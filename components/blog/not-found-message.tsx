import Link from "next/link";
import { SearchForm } from "@/components/blog/search-form";

export function NotFoundMessage() {
  return (
    <>
      <h1 className="list-heading">Sorry, the page you were looking for does not exist</h1>
      <p>
        It may have moved, or the link may be mistyped. Search the blog, browse the archive, or go back to the{" "}
        <Link href="/">home page</Link>.
      </p>
      <SearchForm id="not-found-query" name="Search instead" />
    </>
  );
}
