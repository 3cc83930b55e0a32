import type { Metadata } from "next";
import Link from "next/link";
import type { ResetField } from "@/lib/actions/reset-password";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { FORM_IDS, flashedFormState } from "@/lib/form-flash";
import { emailForResetToken } from "@/lib/password-reset";
import { resetPasswordSchema } from "@/lib/validation/accounts";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = resetPasswordSchema.shape.token.safeParse(firstParam((await searchParams).token));
  const email = token.success ? await emailForResetToken(token.data) : null;
  return (
    <>
      <h1>Choose a new password</h1>
      {token.success && email ? (
        <>
          <p>For the account {email}.</p>
          <ResetPasswordForm token={token.data} email={email} flashed={await flashedFormState<ResetField>(FORM_IDS.resetPassword)} />
        </>
      ) : (
        <p className="form-message form-message-error" role="alert">
          This reset link has expired or has already been used. <Link href="/forgot-password">Ask for a new one</Link>.
        </p>
      )}
    </>
  );
}
