import { z } from "zod";
import { hasNoBidiControls, text } from "@/lib/validation/text";

// A person's name and email as accounts and guest comments take them; no server-only imports, as
// the comment form (a client component) reads the comment schemas' module.

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, { message: "That email address is too long." }));

export const NAME_MISSING = "Enter your name.";

export const displayName = text()
  .trim()
  .min(1, { message: NAME_MISSING })
  .max(80, { message: "Use at most 80 characters." })
  .refine(hasNoBidiControls, { message: "Your name cannot hold characters that reverse the text around it." });
