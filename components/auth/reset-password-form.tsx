"use client";
import { useActionState } from "react";
import { resetPasswordWithToken, type ResetField } from "@/lib/actions/reset-password";
import { FormMessage, NewPasswordField } from "@/components/auth/fields";
import type { FormState } from "@/lib/action-state";

const initial: FormState<ResetField> = { ok: false };

/** `flashed`: the result of a post made without JavaScript (lib/form-flash.ts). */
export function ResetPasswordForm({ token, email, flashed }: { token: string; email: string; flashed?: FormState<ResetField> }) {
  const [state, action, pending] = useActionState(resetPasswordWithToken, flashed ?? initial);
  return (
    <form action={action} className="auth-form">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* Tells password managers which account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <NewPasswordField label="New password" name="password" errors={state.errors?.password} />
      <button type="submit" className="button" disabled={pending}>
        Save new password
      </button>
    </form>
  );
}
