import "server-only";
import { db } from "@/lib/db";
import { issueEmailToken, spendEmailToken, type EmailLinkKind } from "@/lib/email-tokens";
import { sendMail } from "@/lib/mail";
import { hitRateLimits, type RateLimitRule } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/site";

const SIGN_UP_CONFIRMATION: EmailLinkKind = { prefix: "sign-up:", lifetimeMs: 24 * 60 * 60 * 1000 };
// Enough for someone who lost the first email, too few to flood an inbox by signing up again and again.
const CONFIRMATIONS_PER_EMAIL: RateLimitRule = { name: "sign-up-confirmation-email", limit: 3, windowSeconds: 60 * 60 };

/**
 * Emails the link that finishes a sign-up: it opens the sign-in form, and the password chosen at
 * sign-up then signs in and confirms the account. Each new link replaces the earlier ones.
 */
export async function sendSignUpConfirmation(email: string, callbackUrl: string): Promise<void> {
  if (!(await hitRateLimits([CONFIRMATIONS_PER_EMAIL], email)).allowed) return;
  const token = await issueEmailToken(SIGN_UP_CONFIRMATION, email);
  await sendMail({
    to: email,
    subject: "Finish signing up",
    text: [
      "Someone (we hope you) signed up with this email address.",
      "",
      `To finish, open this link within a day and sign in with the password you chose: ${absoluteUrl(`/sign-in?${new URLSearchParams({ confirm: token, email, callbackUrl })}`)}`,
      "",
      "If it was not you, ignore this message: no account is made without the link.",
    ].join("\n"),
  });
}

/**
 * Marks the account confirmed and spends its link, in one transaction, so a link works once.
 * Both the link (the address) and the password (the sign-up) are needed, so someone who signed
 * up with another person's address cannot get in even after that person uses the link.
 */
export async function confirmSignUp(email: string, token: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await spendEmailToken(tx, SIGN_UP_CONFIRMATION, email, token))) return false;
    const confirmed = await tx.user.updateMany({ where: { email, awaitingConfirmation: true }, data: { awaitingConfirmation: false } });
    return confirmed.count === 1;
  });
}
