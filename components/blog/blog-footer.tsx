import Link from "next/link";
import { GadgetArea } from "@/components/blog/gadgets/gadget-area";
import type { Messages } from "@/lib/messages";
import type { BlogSettings } from "@/lib/settings";
import styles from "./gadgets/gadgets.module.css";

/** The foot of every reader page: the gadgets the admin put there (Layout), then the blog's line. */
export function BlogFooter({ settings, t }: { settings: BlogSettings; t: Messages }) {
  return (
    <footer className="blog-footer">
      <div className={styles.footerGadgets}>
        <GadgetArea area="FOOTER" locale={settings.locale} t={t} />
      </div>
      <p>
        {settings.blogTitle} · <Link href="/feeds/posts/default">{t.postsFeed}</Link> · {t.poweredBy}
      </p>
    </footer>
  );
}
