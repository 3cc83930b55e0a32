import type { Metadata } from "next";
import Link from "next/link";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

// Where next-auth sends someone who asked for a sign-in link, and sign-up everyone (new email or taken).
export default async function CheckEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const signingUp = firstParam((await searchParams).for) === "sign-up";
  return (
    <>
      <h1>Check your email</h1>
      <p role="status">
        {signingUp ? "We sent a link to finish signing up. It works once, for one day." : "A sign-in link is on its way. It works once, for one hour."}
      </p>
      <p className="auth-links">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}
