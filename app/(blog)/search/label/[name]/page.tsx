import { notFound, permanentRedirect } from "next/navigation";
import { labelNameOf } from "@/lib/legacy-addresses";
import { getLabel } from "@/lib/reader";
import { slugify } from "@/lib/slugify";
import { labelNameParams } from "@/lib/static-params";

export const generateStaticParams = labelNameParams;

/**
 * Blogger's label address (`/search/label/Library%20life`, `/search/label/日本の本`) → ours, found
 * by the label's name (a label keeps the slug it was given, whatever today's rule would make); a
 * name no label has goes to the slug it would have. A page rather than the proxy, so the answer is cached.
 */
export default async function BloggerLabelPage({ params }: PageProps<"/search/label/[name]">) {
  const name = labelNameOf((await params).name);
  const slug = (await getLabel({ name }))?.slug ?? slugify(name);
  if (!slug) notFound();
  permanentRedirect(`/label/${slug}`);
}
