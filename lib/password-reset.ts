import "server-only";
import { db } from "@/lib/db";
import { emailForToken, issueEmailToken, spendEmailToken, type EmailLinkKind } from "@/lib/email-tokens";
import { sendMail } from "@/lib/mail";
import { hashPassword } from "@/lib/passwords";
import { hitRateLimits, type RateLimitResult, type RateLimitRule } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/site";

// Enough for someone who lost the first email, too few to flood an inbox or probe many addresses.
const PER_EMAIL: RateLimitRule = { name: "password-reset-email", limit: 3, windowSeconds: 60 * 60 };
const PER_IP: RateLimitRule = { name: "password-reset-ip", limit: 10, windowSeconds: 60 * 60 };
const PASSWORD_RESET: EmailLinkKind = { prefix: "password-reset:", lifetimeMs: 60 * 60 * 1000 };

/**
 * Emails a reset link when an enabled account has this email, and does nothing otherwise; the
 * caller answers the same either way. Each new link replaces the account's earlier ones.
 */
export async function requestPasswordReset(email: string, clientIp: string): Promise<RateLimitResult> {
  const limited = await hitRateLimits([PER_EMAIL], email);
  const result = limited.allowed ? await hitRateLimits([PER_IP], clientIp) : limited;
  if (!result.allowed) return result;

  const user = await db.user.findUnique({ where: { email }, select: { disabledAt: true } });
  if (!user || user.disabledAt) return result;

  const token = await issueEmailToken(PASSWORD_RESET, email);
  await sendMail({
    to: email,
    subject: "Reset your password",
    text: [
      "Someone (we hope you) asked to reset the password for this email address.",
      "",
      `Choose a new password here within the next hour: ${absoluteUrl(`/reset-password?token=${token}`)}`,
      "",
      "If it was not you, ignore this message: your password stays as it is.",
    ].join("\n"),
  });
  return result;
}

/** The email a reset link belongs to, or null when it is unknown, used or expired. */
export async function emailForResetToken(token: string): Promise<string | null> {
  return emailForToken(PASSWORD_RESET, token);
}

/**
 * Sets the new password and spends the link, in one transaction: of two uses of the same link
 * only the one that deletes the token changes the password. The link proves the address, so it
 * also confirms a sign-up still waiting for its confirmation.
 */
export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
  const email = await emailForResetToken(token);
  if (!email) return false;
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    if (!(await spendEmailToken(tx, PASSWORD_RESET, email, token))) return false;
    const updated = await tx.user.updateMany({
      where: { email, disabledAt: null },
      data: { passwordHash, awaitingConfirmation: false, sessionVersion: { increment: 1 } },
    });
    return updated.count === 1;
  });
}
