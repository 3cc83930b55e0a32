import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

// Where next-auth sends someone who asked for a sign-in link.
export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p>A sign-in link is on its way. It works once, for one hour.</p>
      <p className="auth-links">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}
