import "server-only";
import { getServerSession } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { sessionCookieName } from "@/lib/auth/cookies";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** What a session token says: who it names and the session version it was issued with. */
export interface SessionClaim {
  userId: string;
  sessionVersion: number | undefined;
}

/**
 * The signed-in user as the database knows them now, or null. The session token only names the
 * user; a deleted or disabled account, or a session ended since the token was issued, is signed
 * out here, and a changed role counts at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  return userId ? findActiveUser({ userId, sessionVersion: session.sessionVersion }) : null;
});

/**
 * The account a session token names, unless it is gone or disabled or its sessions were ended
 * (sign-out, password change or reset, disabling) after the token was issued. A token without a
 * version predates versions and counts as ended.
 */
export async function findActiveUser({ userId, sessionVersion }: SessionClaim): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** Ends every session of the account, on every device: tokens issued before no longer count. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/**
 * After the account's sessions were ended from this browser (a password change), gives this
 * browser a token with the current version so it alone stays signed in. Without a secret to sign
 * with, or a token that is not this account's, nothing changes and the browser signs in again.
 */
export async function keepThisBrowserSignedIn(userId: string): Promise<void> {
  const secret = config().NEXTAUTH_SECRET;
  const store = await cookies();
  const name = sessionCookieName();
  const token = secret ? await decode({ token: store.get(name)?.value, secret }) : null;
  if (!secret || token?.sub !== userId) return;
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  store.set(name, await encode({ token: { ...token, sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
