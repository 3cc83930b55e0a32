"use client";
import { useActionState } from "react";
import { forgotPassword, type ForgotField } from "@/lib/actions/forgot-password";
import { Field, FormMessage } from "@/components/auth/fields";
import type { FormState } from "@/lib/action-state";

const initial: FormState<ForgotField> = { ok: false };

/** `flashed`: the result of a post made without JavaScript (lib/form-flash.ts). */
export function ForgotPasswordForm({ flashed }: { flashed?: FormState<ForgotField> }) {
  const [state, action, pending] = useActionState(forgotPassword, flashed ?? initial);
  return (
    <form action={action} className="auth-form">
      <FormMessage state={state} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.errors?.email} />
      <button type="submit" className="button" disabled={pending}>
        Send me a reset link
      </button>
    </form>
  );
}
