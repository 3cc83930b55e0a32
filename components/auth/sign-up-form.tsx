"use client";
import { useActionState } from "react";
import { signUp, type SignUpField } from "@/lib/actions/sign-up";
import { Field, FormMessage, NewPasswordField } from "@/components/auth/fields";
import type { FormState } from "@/lib/action-state";

const initial: FormState<SignUpField> = { ok: false };

/** `flashed`: the result of a post made without JavaScript (lib/form-flash.ts). */
export function SignUpForm({ callbackUrl, flashed }: { callbackUrl: string; flashed?: FormState<SignUpField> }) {
  const [state, action, pending] = useActionState(signUp, flashed ?? initial);
  return (
    <form action={action} className="auth-form">
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Name" name="name" autoComplete="name" hint="Shown with your comments." defaultValue={state.values?.name} errors={state.errors?.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.errors?.email} />
      <NewPasswordField label="Password" name="password" errors={state.errors?.password} />
      <button type="submit" className="button" disabled={pending}>
        Create account
      </button>
    </form>
  );
}
