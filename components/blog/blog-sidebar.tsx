import { GadgetArea } from "@/components/blog/gadgets/gadget-area";
import type { Messages } from "@/lib/messages";
import type { BlogSettings } from "@/lib/settings";

/** The column beside every reader page's content: the gadgets the admin put there (Layout). */
export function BlogSidebar({ settings, t }: { settings: BlogSettings; t: Messages }) {
  return (
    <aside className="blog-sidebar" aria-label={t.sidebar}>
      <GadgetArea area="SIDEBAR" locale={settings.locale} t={t} />
    </aside>
  );
}
