import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { hashPassword } from "@/lib/passwords";
import { hitRateLimits, type RateLimitResult, type RateLimitRule } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/site";

// Enough for someone who lost the first email, too few to flood an inbox or probe many addresses.
const PER_EMAIL: RateLimitRule = { name: "password-reset-email", limit: 3, windowSeconds: 60 * 60 };
const PER_IP: RateLimitRule = { name: "password-reset-ip", limit: 10, windowSeconds: 60 * 60 };
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
// next-auth's email sign-in tokens share the table, keyed by the bare email: ours never collide.
const IDENTIFIER_PREFIX = "password-reset:";

// Only a hash is stored, so a leaked database (or backup) holds no usable link.
function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

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

  const token = randomBytes(32).toString("base64url");
  const identifier = `${IDENTIFIER_PREFIX}${email}`;
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier } }),
    db.verificationToken.create({ data: { identifier, token: tokenHash(token), expires: new Date(Date.now() + TOKEN_LIFETIME_MS) } }),
  ]);
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
  const row = await db.verificationToken.findUnique({ where: { token: tokenHash(token) } });
  if (!row || !row.identifier.startsWith(IDENTIFIER_PREFIX) || row.expires <= new Date()) return null;
  return row.identifier.slice(IDENTIFIER_PREFIX.length);
}

/**
 * Sets the new password and spends the link, in one transaction: of two uses of the same link
 * only the one that deletes the token changes the password.
 */
export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
  const email = await emailForResetToken(token);
  if (!email) return false;
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const spent = await tx.verificationToken.deleteMany({ where: { token: tokenHash(token), expires: { gt: new Date() } } });
    if (spent.count !== 1) return false;
    const updated = await tx.user.updateMany({ where: { email, disabledAt: null }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    return updated.count === 1;
  });
}
