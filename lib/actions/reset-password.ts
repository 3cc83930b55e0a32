"use server";
import { redirect } from "next/navigation";
import { invalid, type FormState } from "@/lib/action-state";
import { DATABASE_DOWN, refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { answerForm, FORM_IDS } from "@/lib/form-flash";
import { emailForResetToken, resetPassword } from "@/lib/password-reset";
import { passwordSchema, resetPasswordSchema } from "@/lib/validation/accounts";

export type ResetField = "password";

const LINK_NOT_VALID = "This reset link has expired or has already been used. Ask for a new one.";

export async function resetPasswordWithToken(_previous: FormState<ResetField>, formData: FormData): Promise<FormState<ResetField>> {
  const answer = (state: FormState<ResetField>) =>
    answerForm(FORM_IDS.resetPassword, `/reset-password?${new URLSearchParams({ token: String(formData.get("token") ?? "") })}`, state);
  return refuseWhileDatabaseDown(() => resetNow(formData, answer), () => answer({ ok: false, message: DATABASE_DOWN }));
}

async function resetNow(formData: FormData, answer: (state: FormState<ResetField>) => Promise<FormState<ResetField>>): Promise<FormState<ResetField>> {
  const parsed = resetPasswordSchema.safeParse({ token: formData.get("token"), password: formData.get("password") });
  if (!parsed.success) return answer(invalid<ResetField>(parsed.error));
  // The link stands for the account: no session, and the rules for the password need its email.
  const email = await emailForResetToken(parsed.data.token);
  if (!email) return answer({ ok: false, message: LINK_NOT_VALID });
  const password = passwordSchema(email).safeParse(parsed.data.password);
  if (!password.success) {
    return answer({ ok: false, message: "Please correct the fields below.", errors: { password: password.error.issues.map((issue) => issue.message) } });
  }
  if (!(await resetPassword(parsed.data.token, password.data))) return answer({ ok: false, message: LINK_NOT_VALID });
  redirect(`/sign-in?${new URLSearchParams({ reset: "1", email })}`);
}
