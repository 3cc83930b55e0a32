import "server-only";
import { verify } from "@node-rs/argon2";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/passwords";
import { hitRateLimits, type RateLimitRule } from "@/lib/rate-limit";

export type RegisterResult = { created: true; id: string } | { created: false; reason: "email-taken" };

/** A new READER account with a password. The email's unique index decides a race between two sign-ups. */
export async function registerAccount(input: { name: string; email: string; password: string }): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({ data: { name: input.name, email: input.email, passwordHash, role: "READER" }, select: { id: true } });
    return { created: true, id: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { created: false, reason: "email-taken" };
    throw error;
  }
}

export async function renameAccount(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

// As many guesses as sign-in allows an account, so a stolen session is no faster way to the password.
const PASSWORD_CHECKS_PER_ACCOUNT: RateLimitRule = { name: "password-change-account", limit: 10, windowSeconds: 15 * 60 };

export type ChangePasswordResult = "changed" | "wrong-current-password" | { rateLimited: true; retryAfterSeconds: number };

/**
 * Replaces the password after checking the current one. Every check counts, right or wrong, so
 * the right password is refused too once the limit is reached. An account made through GitHub,
 * Google or an email link has none yet, and sets its first one here without a check.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, now = new Date()): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash) {
    const limit = await hitRateLimits([PASSWORD_CHECKS_PER_ACCOUNT], userId, now);
    if (!limit.allowed) return { rateLimited: true, retryAfterSeconds: limit.retryAfterSeconds };
    if (!(await verify(user.passwordHash, currentPassword))) return "wrong-current-password";
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  return "changed";
}

/** Whether the account has a password yet (the profile asks for the current one only then). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
