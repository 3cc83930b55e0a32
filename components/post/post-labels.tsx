import Link from "next/link";
import type { Messages } from "@/lib/messages";

export function PostLabels({ labels, t }: { labels: { name: string; slug: string }[]; t: Messages }) {
  if (labels.length === 0) return null;
  return (
    <span>
      {t.labelsColon}{" "}
      {labels.map((label, index) => (
        <span key={label.slug}>
          {index > 0 && ", "}
          <Link href={`/label/${label.slug}`} rel="tag">
            {label.name}
          </Link>
        </span>
      ))}
    </span>
  );
}
