import Link from "next/link";
import type { Messages } from "@/lib/messages";
import type { LabelCount } from "@/lib/queries/sidebar";

export function LabelList({ labels, t }: { labels: LabelCount[]; t: Messages }) {
  if (labels.length === 0) return null;
  return (
    <nav className="widget label-widget" aria-labelledby="labels-heading">
      <h2 id="labels-heading">{t.labels}</h2>
      <ul>
        {labels.map((label) => (
          <li key={label.slug}>
            <Link href={`/label/${label.slug}`}>{label.name}</Link> <span className="count">({label.count})</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
