import { ArchiveWidget } from "@/components/archive/archive-widget";
import { LabelList } from "@/components/blog/label-list";
import type { Messages } from "@/lib/messages";
import { getSidebar } from "@/lib/reader";
import type { BlogSettings } from "@/lib/settings";

/** The column beside every reader page's content. */
export async function BlogSidebar({ settings, t }: { settings: BlogSettings; t: Messages }) {
  const sidebar = await getSidebar();
  return (
    <aside className="blog-sidebar" aria-label={t.sidebar}>
      <ArchiveWidget months={sidebar.months} newestTitles={sidebar.newestTitles} locale={settings.locale} />
      <LabelList labels={sidebar.labels} t={t} />
    </aside>
  );
}
