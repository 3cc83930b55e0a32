"use server";
import { flashedFormAction, publicAction } from "@/lib/action-client";
import { DATABASE_DOWN } from "@/lib/database-outage-refusal";
import { InvalidRequestError } from "@/lib/errors";
import { FORM_IDS } from "@/lib/form-flash";
import { emailForResetToken, resetPassword } from "@/lib/password-reset";
import { checkedNewPassword, resetPasswordSchema } from "@/lib/validation/accounts";

export type ResetField = "password";

const LINK_NOT_VALID = "This reset link has expired or has already been used. Ask for a new one.";

const reset = publicAction(
  { schema: resetPasswordSchema, outage: DATABASE_DOWN },
  async ({ token, password }) => {
    // The link stands for the account: no session, and the rules for the password need its email.
    const email = await emailForResetToken(token);
    if (!email) throw new InvalidRequestError(LINK_NOT_VALID);
    if (!(await resetPassword(token, checkedNewPassword(password, email, "password")))) throw new InvalidRequestError(LINK_NOT_VALID);
    return email;
  },
  { redirectTo: (email) => `/sign-in?${new URLSearchParams({ reset: "1", email })}` },
);

export const resetPasswordWithToken = flashedFormAction<ResetField, string>(reset, {
  id: FORM_IDS.resetPassword,
  page: (formData) => `/reset-password?${new URLSearchParams({ token: String(formData.get("token") ?? "") })}`,
});
