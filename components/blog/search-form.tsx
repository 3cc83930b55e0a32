import type { Messages } from "@/lib/messages";

// A plain GET form: search works the same with JavaScript off.
// `name` tells the search landmarks on one page apart (the header's and the page's own).
export function SearchForm({ t, defaultValue = "", id = "search-query", name = t.blogSearch }: { t: Messages; defaultValue?: string; id?: string; name?: string }) {
  return (
    <form className="search-form" action="/search" method="get" role="search" aria-label={name}>
      <label htmlFor={id}>{t.searchThisBlog}</label>
      <input id={id} name="q" type="search" defaultValue={defaultValue} maxLength={200} />
      <button type="submit">{t.search}</button>
    </form>
  );
}
