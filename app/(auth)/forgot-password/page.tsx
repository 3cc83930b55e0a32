import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ForgotField } from "@/lib/actions/forgot-password";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { emailConfigured } from "@/lib/auth/providers";
import { FORM_IDS, flashedFormState } from "@/lib/form-flash";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

// Whether email is set up is read when the page is asked for, not frozen into the build.
export default async function ForgotPasswordPage() {
  await connection();
  return (
    <>
      <h1>Forgot your password?</h1>
      {emailConfigured() ? (
        <>
          <p>Enter your account&apos;s email and we will send you a link to choose a new password.</p>
          <ForgotPasswordForm flashed={await flashedFormState<ForgotField>(FORM_IDS.forgotPassword)} />
        </>
      ) : (
        <p>This blog cannot send email, so passwords cannot be reset here. Please ask the blog&apos;s owner.</p>
      )}
      <p className="auth-links">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}
