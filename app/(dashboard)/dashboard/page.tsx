import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

// Placeholder until the dashboard issue: authors' posts, editor, moderation and settings,
// behind a session and role check against the database.
export default function DashboardPage() {
  return (
    <>
      <h1>Dashboard</h1>
      <p>
        The authoring dashboard is not built yet. It will list your posts, drafts and scheduled posts, hold the editor
        with autosave and revisions, the comment moderation queue, and the blog&apos;s settings.
      </p>
      <p>
        <Link href="/">Back to the blog</Link>
      </p>
    </>
  );
}
