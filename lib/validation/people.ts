import { z } from "zod";
import { DEFAULT_LOCALE, messagesFor, type Messages } from "@/lib/messages";
import { hasNoBidiControls, text } from "@/lib/validation/text";

// A person's name and email as accounts and guest comments take them; no server-only imports, as
// the comment form (a client component) reads the comment schemas' module. A guest is told what is
// wrong in the blog's language; account forms are in English.

type Refusals = Messages["refusals"];

export const emailIn = (words: Refusals) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: words.emailInvalid }).max(254, { message: words.emailTooLong }));

export const displayNameIn = (words: Refusals) =>
  text()
    .trim()
    .min(1, { message: words.nameMissing })
    .max(80, { message: words.nameTooLong })
    .refine(hasNoBidiControls, { message: words.nameReverses });

const english = messagesFor(DEFAULT_LOCALE).refusals;
export const email = emailIn(english);
export const displayName = displayNameIn(english);
