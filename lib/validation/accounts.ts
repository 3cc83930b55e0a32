import { z } from "zod";
import { InvalidFieldsError } from "@/lib/errors";
import { displayName, email } from "@/lib/validation/people";
import { checkbox, hasNoBidiControls, text } from "@/lib/validation/text";

export const signInSchema = z.object({
  email,
  password: z.string().min(1).max(1024),
  // From a sign-up's confirmation link (lib/sign-up-confirmation.ts).
  confirmationToken: z.string().min(1).max(100).optional(),
});

/** A new password: 10 or more characters and not the account's own email. */
export function passwordSchema(accountEmail: string) {
  return z
    .string()
    .min(10, { message: "Use 10 or more characters." })
    .max(1024, { message: "Use at most 1,024 characters." })
    .refine((password) => password.trim().toLowerCase() !== accountEmail.trim().toLowerCase(), {
      message: "Your password cannot be your email address.",
    });
}

// The new password is checked against the email it belongs to, so it is checked after the email.
function addNewPasswordIssues(password: string, accountEmail: string, field: string, context: z.RefinementCtx) {
  const result = passwordSchema(accountEmail).safeParse(password);
  if (!result.success) {
    for (const issue of result.error.issues) context.addIssue({ code: "custom", path: [field], message: issue.message });
  }
}

export const signUpSchema = z
  .object({ name: displayName, email, password: z.string() })
  .superRefine((input, context) => addNewPasswordIssues(input.password, input.email, "password", context));

/** The new password is checked once the account is known (checkedNewPassword); a first password has no current one. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().max(1024).default(""),
  newPassword: z.string(),
});

/** `password` as the new password of the account with `accountEmail`, or its field's errors thrown (lib/errors.ts). */
export function checkedNewPassword(password: string, accountEmail: string, field: string): string {
  const checked = passwordSchema(accountEmail).safeParse(password);
  if (!checked.success) throw new InvalidFieldsError({ [field]: checked.error.issues.map((issue) => issue.message) });
  return checked.data;
}

export const profileNameSchema = z.object({ name: displayName });

export const BIO_MAX = 2000;

/** The author page's bio: plain text (shown as typed, never as HTML), paragraphs by blank lines. */
export const profileBioSchema = z.object({
  bio: text()
    .trim()
    .max(BIO_MAX, { message: `Use at most ${BIO_MAX.toLocaleString("en")} characters.` })
    .refine(hasNoBidiControls, { message: "Your bio cannot hold characters that reverse the text around it." })
    .default(""),
});

/** An author's choice to be told by email of comments on their posts. */
export const commentNoticesSchema = z.object({ commentNotices: checkbox });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: "This reset link is not valid." }),
  password: z.string().max(1024, { message: "Use at most 1,024 characters." }),
});
