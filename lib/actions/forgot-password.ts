"use server";
import { flashedFormAction, publicAction } from "@/lib/action-client";
import { DATABASE_DOWN } from "@/lib/database-outage-refusal";
import { AppError } from "@/lib/errors";
import { FORM_IDS } from "@/lib/form-flash";
import { currentClientIp } from "@/lib/auth/credentials";
import { emailConfigured } from "@/lib/auth/providers";
import { requestPasswordReset } from "@/lib/password-reset";
import { describeRetry } from "@/lib/rate-limit";
import { forgotPasswordSchema } from "@/lib/validation/accounts";

export type ForgotField = "email";

const sendResetLink = publicAction(
  { schema: forgotPasswordSchema, outage: DATABASE_DOWN },
  async ({ email }) => {
    if (!emailConfigured()) throw new AppError("CLOSED", "This blog cannot send email, so passwords cannot be reset here.");
    const result = await requestPasswordReset(email, await currentClientIp());
    if (!result.allowed) throw new AppError("RATE_LIMITED", `Too many reset requests. Try again in ${describeRetry(result.retryAfterSeconds)}.`);
  },
  // The same words whether or not the account exists: the form must not tell who has one.
  { message: () => "If an account exists for that email, we have sent it a link to choose a new password. The link works for one hour." },
);

export const forgotPassword = flashedFormAction<ForgotField, void>(sendResetLink, { id: FORM_IDS.forgotPassword, page: () => "/forgot-password", keeps: ["email"] });
