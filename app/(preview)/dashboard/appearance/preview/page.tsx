import type { Metadata } from "next";
import { BlogChrome } from "@/components/blog/blog-chrome";
import { PostListPage } from "@/components/post/post-list-page";
import { getCurrentAppearance, withImages } from "@/lib/appearance/store";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";
import { appearanceSchema } from "@/lib/validation/appearance";

export const metadata: Metadata = { title: "Appearance preview", robots: { index: false, follow: false } };

const PATH = "/dashboard/appearance/preview";

/**
 * The home page as it would look with the Appearance form's unsaved choices (its fields, in the
 * query), for admins only and never cached: the dashboard shows it in a frame. Choices that would
 * be refused on save are not drawn: the saved appearance stands, with the reasons above the posts.
 */
export default async function AppearancePreviewPage({ searchParams }: PageProps<"/dashboard/appearance/preview">) {
  await requireDashboardPage(PATH, { adminOnly: true });
  const choices = appearanceSchema.safeParse(await searchParams);
  const [appearance, settings] = await Promise.all([withImages(choices.success ? choices.data : await getCurrentAppearance()), getBlogSettings()]);
  const t = messagesFor(settings.locale);
  return (
    <BlogChrome appearance={appearance}>
      <p className="appearance-preview-note" role="note">
        <strong>Preview</strong>:{" "}
        {choices.success ? "readers see this once you save it." : `not shown, as saving would refuse it: ${choices.error.issues.map((issue) => issue.message).join(" ")}`}
      </p>
      <PostListPage scope={{ kind: "all" }} basePath="/" heading={<h1 className="visually-hidden">{t.newestPostsOn(settings.blogTitle)}</h1>} empty={t.nothingPublished} />
    </BlogChrome>
  );
}
