import "server-only";
import { encodeCursor } from "@/lib/cursor";
import { listAuthorSlugs } from "@/lib/queries/authors";
import { listPublishedPages } from "@/lib/queries/pages";
import { listVisiblePosts } from "@/lib/queries/post-lists";
import { countPostsByMonth, listLabelCounts } from "@/lib/queries/sidebar";

// Samples for generateStaticParams. Cache Components needs at least one per dynamic route; these
// prerender the newest pages at build time, and every other URL is rendered on its first request
// and then served from the cache like them. An empty blog still needs one sample each.

const SAMPLES = 20;

export async function postParams() {
  const { posts } = await listVisiblePosts({ scope: { kind: "all" }, page: {}, limit: SAMPLES, now: new Date() });
  const params = posts.map((post) => {
    const [, year, month, slug] = post.permalink.split("/");
    return { year: year!, month: month!, slug: slug! };
  });
  return params.length > 0 ? params : [{ year: "2000", month: "01", slug: "none" }];
}

export async function monthParams() {
  const months = (await countPostsByMonth({ now: new Date() })).slice(0, SAMPLES);
  return months.length > 0 ? months.map(({ period }) => ({ year: period.slice(0, 4), month: period.slice(5) })) : [{ year: "2000", month: "01" }];
}

export async function yearParams() {
  const years = [...new Set((await monthParams()).map(({ year }) => year))];
  return years.map((year) => ({ year }));
}

export async function labelParams() {
  const labels = await listLabelCounts({ now: new Date() });
  return labels.length > 0 ? labels.map(({ slug }) => ({ slug })) : [{ slug: "none" }];
}

export async function pageParams() {
  const pages = await listPublishedPages();
  return pages.length > 0 ? pages.map(({ slug }) => ({ slug })) : [{ slug: "none" }];
}

/** The second page of the home list, the one "Older posts" on the home page leads to. */
export async function cursorParams() {
  const { older } = await listVisiblePosts({ scope: { kind: "all" }, page: {}, limit: 1, now: new Date() });
  return [{ cursor: older ? encodeCursor("older", older) : "o0.none" }];
}

// Later pages of archives and labels: one sample each, rendered at build as a 404 (no such cursor).
const NO_CURSOR = "o0.none";

export async function yearCursorParams() {
  return (await yearParams()).slice(0, 1).map((params) => ({ ...params, cursor: NO_CURSOR }));
}

export async function monthCursorParams() {
  return (await monthParams()).slice(0, 1).map((params) => ({ ...params, cursor: NO_CURSOR }));
}

export async function labelCursorParams() {
  return (await labelParams()).slice(0, 1).map((params) => ({ ...params, cursor: NO_CURSOR }));
}

export async function authorParams() {
  const slugs = await listAuthorSlugs({ now: new Date(), limit: SAMPLES });
  return slugs.length > 0 ? slugs.map((slug) => ({ slug })) : [{ slug: "none" }];
}

export async function authorCursorParams() {
  return (await authorParams()).slice(0, 1).map((params) => ({ ...params, cursor: NO_CURSOR }));
}

/** Blogger's label addresses (`/search/label/<Name>`), each a redirect: one sample. */
export async function labelNameParams() {
  const [label] = await listLabelCounts({ now: new Date() });
  return [{ name: label?.name ?? "none" }];
}
