import Link from "next/link";

export function PostLabels({ labels }: { labels: { name: string; slug: string }[] }) {
  if (labels.length === 0) return null;
  return (
    <span>
      Labels:{" "}
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
