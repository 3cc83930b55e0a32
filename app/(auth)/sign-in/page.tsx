import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign in" };

// Placeholder until the accounts issue: next-auth sign-in (password, GitHub, Google, email link).
export default function SignInPage() {
  return (
    <>
      <h1>Sign in</h1>
      <p>
        Signing in is not open yet. Soon readers will sign in here with an email and password (or GitHub, Google, or an
        emailed link) to comment, and authors to reach the dashboard.
      </p>
      <p>
        <Link href="/">Back to the blog</Link>
      </p>
    </>
  );
}
