import "server-only";
import { notFound, permanentRedirect } from "next/navigation";
import { redirectLookupPaths, withoutHtmlSuffix } from "@/lib/legacy-addresses";
import { getLegacyTarget } from "@/lib/reader";

/**
 * The not-found path of every reader route with parameters: an old address of an imported blog
 * (a Redirect row, a real slug under the wrong month when `slug` is given, or Blogger's ".html"
 * form of one of ours) answers 308; anything else is the blog's 404. Cached per path, so a
 * missing page costs the database once.
 */
export async function redirectOrNotFound(path: string, { slug }: { slug?: string } = {}): Promise<never> {
  const target = (await getLegacyTarget({ kind: "redirect", paths: redirectLookupPaths(path), slug })) ?? withoutHtmlSuffix(path);
  if (target && !redirectLookupPaths(path).includes(target)) permanentRedirect(target);
  notFound();
}
