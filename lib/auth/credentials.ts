import "server-only";
import { verify } from "@node-rs/argon2";
import { clientAddressFrom, currentClientAddress } from "@/lib/client-address";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { hitRateLimits, type RateLimitRule } from "@/lib/rate-limit";
import { signInSchema } from "@/lib/validation/accounts";

// Generous for a person who mistypes, tight for a script guessing passwords.
const PER_ACCOUNT: RateLimitRule = { name: "sign-in-account", limit: 10, windowSeconds: 15 * 60 };
const PER_IP: RateLimitRule = { name: "sign-in-ip", limit: 30, windowSeconds: 15 * 60 };

/** next-auth turns an error thrown by `authorize` into `?error=<message>` on the sign-in page. */
export const RATE_LIMITED_PREFIX = "RateLimited:";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The password check behind the sign-in form. Wrong email, wrong password, a disabled account or
 * an account without a password all answer the same null, so the form can say no more than
 * "Wrong email or password".
 */
export async function authorizeWithPassword(input: unknown, clientIp: string): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const limited = await hitRateLimits([PER_ACCOUNT], email.toLowerCase());
  const limitedIp = limited.allowed ? await hitRateLimits([PER_IP], clientIp) : limited;
  if (!limitedIp.allowed) throw new Error(`${RATE_LIMITED_PREFIX}${limitedIp.retryAfterSeconds}`);

  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
  if (!user?.passwordHash || user.disabledAt) return null;
  if (!(await verify(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email };
}

/** The address next-auth's sign-in request counts against, by lib/client-address.ts's rules. */
export function clientIpFrom(headers: Record<string, string | string[] | undefined> | undefined): string {
  return clientAddressFrom(headers, config().TRUSTED_PROXIES);
}

/** The client's address for a server action, by the same rule as for next-auth's requests. */
export const currentClientIp = currentClientAddress;
