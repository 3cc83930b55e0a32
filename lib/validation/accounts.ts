import { z } from "zod";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, { message: "That email address is too long." }));

export const signInSchema = z.object({
  email,
  password: z.string().min(1).max(1024),
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

export const displayName = z
  .string()
  .trim()
  .min(1, { message: "Enter your name." })
  .max(80, { message: "Use at most 80 characters." });
