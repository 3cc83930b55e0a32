import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false } };

// Answered with 403 wherever `forbidden()` is called: today, the dashboard for a reader.
export default function Forbidden() {
  return (
    <main id="main" className="auth-page">
      <h1>Not allowed</h1>
      <p>Your account cannot open this page. The dashboard is for the blog&apos;s authors and administrators.</p>
      <p>
        <Link href="/">Back to the blog</Link>
      </p>
    </main>
  );
}
