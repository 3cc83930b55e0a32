import "server-only";
import { verify } from "@node-rs/argon2";
import { moveAddress } from "@/lib/address-move";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mailConfigured, sendMail } from "@/lib/mail";
import { isAnotherWritersName } from "@/lib/display-names";
import { hashPassword } from "@/lib/passwords";
import { authorPath } from "@/lib/permalinks";
import { writeWithFreeSlug } from "@/lib/users/slugs";
import { visiblePostsWhere } from "@/lib/queries/visibility";
import { hitRateLimits, type RateLimitRule } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/site";

export type RegisterResult =
  | { created: true; id: string }
  | { created: false; reason: "awaiting-confirmation" | "email-taken" | "writers-name" };

/**
 * A new READER account with a password. With `awaitingConfirmation` (email is configured) its
 * password signs in only together with the emailed link; signing up again before that replaces
 * the name and password, since neither works until the owner of the address uses the link. The
 * email's unique index decides a race between two sign-ups.
 */
export async function registerAccount(
  input: { name: string; email: string; password: string },
  { awaitingConfirmation = false } = {},
): Promise<RegisterResult> {
  if (await isAnotherWritersName(input.name)) return { created: false, reason: "writers-name" };
  const passwordHash = await hashPassword(input.password);
  const account = { name: input.name, passwordHash };
  try {
    const user = await writeWithFreeSlug(input.name, (slug) =>
      db.user.create({ data: { ...account, slug, email: input.email, role: "READER", awaitingConfirmation }, select: { id: true } }),
    );
    return awaitingConfirmation ? { created: false, reason: "awaiting-confirmation" } : { created: true, id: user.id };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const waiting = awaitingConfirmation && (await replaceWaitingSignUp(input.email, account));
    return { created: false, reason: waiting ? "awaiting-confirmation" : "email-taken" };
  }
}

/** A sign-up still waiting for its link takes the new name, the author page address that follows it, and the password. */
async function replaceWaitingSignUp(email: string, account: { name: string; passwordHash: string }): Promise<boolean> {
  const waiting = await db.user.findFirst({ where: { email, awaitingConfirmation: true }, select: { id: true } });
  if (!waiting) return false;
  const replace = (slug: string) => db.user.updateMany({ where: { id: waiting.id, awaitingConfirmation: true }, data: { ...account, slug } });
  return (await writeWithFreeSlug(account.name, replace, waiting.id)).count === 1;
}

// Enough to tell the owner, too few to flood their inbox by signing up with their address again and again.
const SIGN_UP_WARNINGS_PER_EMAIL: RateLimitRule = { name: "sign-up-warning-email", limit: 3, windowSeconds: 60 * 60 };

/**
 * Sign-up answers a taken email exactly as a new one, so only the owner learns of the attempt,
 * by email when SMTP is set up; without it nobody is told anything.
 */
export async function warnOwnerOfSignUp(email: string): Promise<void> {
  if (!mailConfigured()) return;
  if (!(await hitRateLimits([SIGN_UP_WARNINGS_PER_EMAIL], email)).allowed) return;
  await sendMail({
    to: email,
    subject: "Someone tried to sign up with your email",
    text: [
      "Someone just tried to create an account with this email address, which already has one here.",
      "No new account was made, and yours is unchanged.",
      "",
      `If it was you, sign in: ${absoluteUrl("/sign-in")}`,
      `Forgotten your password? Reset it: ${absoluteUrl("/forgot-password")}`,
      "",
      "If it was not you, you need do nothing.",
    ].join("\n"),
  });
}

/**
 * A writer keeps their own name; anyone else is refused a writer's. The author page's address
 * follows the name, and links to the old address lead to the new one; the same name saved again
 * keeps the slug it has.
 */
export async function renameAccount(userId: string, name: string): Promise<"renamed" | "writers-name"> {
  if (await isAnotherWritersName(name, userId)) return "writers-name";
  const rename = (slug: string) =>
    db.$transaction(async (tx) => {
      const { slug: before } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { slug: true } });
      await tx.user.update({ where: { id: userId }, data: { name, slug } });
      await moveAddress(tx, { from: before && authorPath(before), to: authorPath(slug) });
    });
  await writeWithFreeSlug(name, rename, userId);
  return "renamed";
}

/** What the profile shows of the author page: its address, whether it is public yet, and the bio. */
export async function authorPageOf(userId: string, now = new Date()): Promise<{ slug: string | null; bio: string; isPublic: boolean }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { slug: true, bio: true, _count: { select: { posts: { where: visiblePostsWhere(now) } } } },
  });
  return { slug: user.slug, bio: user.bio, isPublic: user.slug !== null && user._count.posts > 0 };
}

/** The author page's text, as its writer typed it. */
export async function saveBio(userId: string, bio: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { bio } });
}

// As many guesses as sign-in allows an account, so a stolen session is no faster way to the password.
const PASSWORD_CHECKS_PER_ACCOUNT: RateLimitRule = { name: "password-change-account", limit: 10, windowSeconds: 15 * 60 };

export type ChangePasswordResult = "changed" | "wrong-current-password" | { rateLimited: true; retryAfterSeconds: number };

/**
 * Replaces the password after checking the current one. Every check counts, right or wrong, so
 * the right password is refused too once the limit is reached. An account made through GitHub,
 * Google or an email link has none yet, and sets its first one here without a check. A change
 * ends every session of the account (a stolen cookie stops working); the profile keeps the
 * browser that changed it signed in.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, now = new Date()): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash) {
    const limit = await hitRateLimits([PASSWORD_CHECKS_PER_ACCOUNT], userId, now);
    if (!limit.allowed) return { rateLimited: true, retryAfterSeconds: limit.retryAfterSeconds };
    if (!(await verify(user.passwordHash, currentPassword))) return "wrong-current-password";
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } } });
  return "changed";
}

/** Whether the account has a password yet (the profile asks for the current one only then). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
