import "server-only";

// Old addresses are matched against the path a browser asks for: percent escapes in upper case,
// no trailing slash, and a query only when it is what names the entry.
const ENTRY_QUERY_PARAMETERS = ["p", "page_id"];

export function asRequested(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase()).replace(/[^\x21-\x7e]+/g, (raw) => encodeURIComponent(raw));
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/\/+$/, "") || "/";
}

/** The path of a URL (absolute or root-relative); null for the home page, which is ours, or an unreadable link. */
function oldPathOf(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link, "http://placeholder.invalid");
  } catch {
    return null;
  }
  const path = withoutTrailingSlash(url.pathname);
  const parameter = ENTRY_QUERY_PARAMETERS.find((name) => /^\d+$/.test(url.searchParams.get(name) ?? ""));
  if (parameter) return asRequested(`${path}?${parameter}=${url.searchParams.get(parameter)}`);
  return path === "/" ? null : asRequested(path);
}

/** The path of the blog's own address ("" at the root, "/blog" in a subdirectory), which WordPress puts before every permalink. */
export function basePathOf(url: string): string {
  const path = oldPathOf(url);
  return path === null || path.includes("?") ? "" : path;
}

export interface EntryAddress {
  type: "post" | "page";
  postId: string;
  /** The item's <link>. */
  link: string;
  basePath: string;
  /** post_name and any _wp_old_slug, as WordPress stores them (non-Latin ones percent-encoded). */
  slugs: string[];
  /** wp:post_date read as UTC, so its UTC fields are the local date WordPress builds links from. */
  localDate: Date | null;
  /** Was live for everyone, so date and postname links to it may be out there. */
  wasPublic: boolean;
}

/**
 * Every address WordPress answered for the entry: its <link> (whatever the permalink setting),
 * the plain "?p=" / "?page_id=" form that always works, and for public posts the two common
 * pretty forms, in case the setting was changed.
 */
export function entryOldPaths(entry: EntryAddress): string[] {
  const parameter = entry.type === "page" ? "page_id" : "p";
  const paths = [oldPathOf(entry.link), `${entry.basePath || "/"}?${parameter}=${entry.postId}`];
  if (entry.type === "post" && entry.wasPublic && entry.localDate) {
    const day = entry.localDate.toISOString().slice(0, 10).replaceAll("-", "/");
    for (const slug of entry.slugs.filter(Boolean)) paths.push(`${entry.basePath}/${day}/${slug}`, `${entry.basePath}/${slug}`);
  }
  return [...new Set(paths.filter((path): path is string => path !== null).map(asRequested))];
}
