import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { SignUpField } from "@/lib/actions/sign-up";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { FORM_IDS, flashedFormState } from "@/lib/form-flash";
import { getCurrentUser } from "@/lib/session";
import { siteOrigin } from "@/lib/site";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeCallbackPath(firstParam((await searchParams).callbackUrl), siteOrigin());
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <>
      <h1>Create an account</h1>
      <p>An account lets you comment on posts.</p>
      <SignUpForm callbackUrl={callbackUrl} flashed={await flashedFormState<SignUpField>(FORM_IDS.signUp)} />
      <p className="auth-links">
        <Link href={`/sign-in?${new URLSearchParams({ callbackUrl })}`}>Already have an account? Sign in</Link>
      </p>
    </>
  );
}
