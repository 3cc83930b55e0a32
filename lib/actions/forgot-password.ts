"use server";
import { invalid, type FormState } from "@/lib/action-state";
import { DATABASE_DOWN, refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { answerForm, FORM_IDS } from "@/lib/form-flash";
import { currentClientIp } from "@/lib/auth/credentials";
import { emailConfigured } from "@/lib/auth/providers";
import { requestPasswordReset } from "@/lib/password-reset";
import { describeRetry } from "@/lib/rate-limit";
import { forgotPasswordSchema } from "@/lib/validation/accounts";

export type ForgotField = "email";

const answer = (state: FormState<ForgotField>) => answerForm(FORM_IDS.forgotPassword, "/forgot-password", state);

export async function forgotPassword(previous: FormState<ForgotField>, formData: FormData): Promise<FormState<ForgotField>> {
  const values = { email: String(formData.get("email") ?? "") };
  return refuseWhileDatabaseDown(() => forgotPasswordNow(previous, formData), () => answer({ ok: false, message: DATABASE_DOWN, values }));
}

async function forgotPasswordNow(_previous: FormState<ForgotField>, formData: FormData): Promise<FormState<ForgotField>> {
  if (!emailConfigured()) return answer({ ok: false, message: "This blog cannot send email, so passwords cannot be reset here." });
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return answer({ ...invalid<ForgotField>(parsed.error), values });
  const result = await requestPasswordReset(parsed.data.email, await currentClientIp());
  if (!result.allowed) return answer({ ok: false, message: `Too many reset requests. Try again in ${describeRetry(result.retryAfterSeconds)}.`, values });
  // The same words whether or not the account exists: the form must not tell who has one.
  return answer({ ok: true, message: "If an account exists for that email, we have sent it a link to choose a new password. The link works for one hour." });
}
