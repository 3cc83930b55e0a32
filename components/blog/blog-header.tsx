import Link from "next/link";

export function BlogHeader({ title, description }: { title: string; description: string }) {
  return (
    <header className="blog-header">
      <p className="blog-title">
        <Link href="/">{title}</Link>
      </p>
      {description && <p className="blog-description">{description}</p>}
    </header>
  );
}
