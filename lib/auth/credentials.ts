import "server-only";
import { verify } from "@node-rs/argon2";
import { clientAddressFrom, currentClientAddress } from "@/lib/client-address";
import { config } from "@/lib/config";
import { noteIfDatabaseUnavailable } from "@/lib/database-outage.mjs";
import { db } from "@/lib/db";
import { hitRateLimits, type RateLimitRule } from "@/lib/rate-limit";
import { confirmSignUp } from "@/lib/sign-up-confirmation";
import { signInSchema } from "@/lib/validation/accounts";

// Per account from one address, a backoff that grows: a person who mistypes waits a minute after
// five tries, a script guessing from that address a quarter of an hour, then an hour. The owner,
// signing in from elsewhere, has a count of their own.
const PER_ACCOUNT_AND_ADDRESS: RateLimitRule[] = [
  { name: "sign-in-account-address-minute", limit: 5, windowSeconds: 60 },
  { name: "sign-in-account-address-quarter", limit: 10, windowSeconds: 15 * 60 },
  { name: "sign-in-account-address-hour", limit: 20, windowSeconds: 60 * 60 },
];
// Across every address, high enough that one address (20 an hour) cannot reach it alone, so
// only an attack spread over many addresses holds the owner back, and then for at most an hour.
const PER_ACCOUNT: RateLimitRule = { name: "sign-in-account", limit: 100, windowSeconds: 60 * 60 };
const PER_IP: RateLimitRule = { name: "sign-in-ip", limit: 30, windowSeconds: 15 * 60 };

/** next-auth turns an error thrown by `authorize` into `?error=<message>` on the sign-in page. */
export const RATE_LIMITED_PREFIX = "RateLimited:";
/** The `?error=` code for a sign-in the database could not answer (lib/auth/sign-in-messages.ts). */
export const DATABASE_UNAVAILABLE_CODE = "DatabaseUnavailable";

/**
 * Runs a sign-in step (authorize, or a callback) whose thrown error next-auth would copy into the
 * address: a database that cannot be reached becomes our code, logged; our own codes pass.
 */
export async function withoutDatabaseErrorText<Result>(step: () => Promise<Result>): Promise<Result> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(RATE_LIMITED_PREFIX)) throw error;
    console.error("Signing in failed", error);
    throw new Error(noteIfDatabaseUnavailable(error) ? DATABASE_UNAVAILABLE_CODE : "SignInFailed");
  }
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The password check behind the sign-in form. Wrong email, wrong password, a disabled account,
 * an account without a password or a sign-up not yet confirmed (unless this sign-in carries its
 * emailed link, which confirms it) all answer the same null, after the same hash check, so the
 * form can say no more than "Wrong email or password".
 */
export async function authorizeWithPassword(input: unknown, clientIp: string, now = new Date()): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password, confirmationToken } = parsed.data;
  const account = email.toLowerCase();
  const limits: [RateLimitRule[], string][] = [
    [PER_ACCOUNT_AND_ADDRESS, `${account} ${clientIp}`],
    [[PER_ACCOUNT], account],
    [[PER_IP], clientIp],
  ];
  for (const [rules, subject] of limits) {
    const limited = await hitRateLimits(rules, subject, now);
    if (!limited.allowed) throw new Error(`${RATE_LIMITED_PREFIX}${limited.retryAfterSeconds}`);
  }

  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true, awaitingConfirmation: true },
  });
  if (!user?.passwordHash || user.disabledAt) return null;
  if (!(await verify(user.passwordHash, password))) return null;
  if (user.awaitingConfirmation && !(confirmationToken && (await confirmSignUp(user.email, confirmationToken)))) return null;
  return { id: user.id, name: user.name, email: user.email };
}

/** The address next-auth's sign-in request counts against, by lib/client-address.ts's rules. */
export function clientIpFrom(headers: Record<string, string | string[] | undefined> | undefined): string {
  return clientAddressFrom(headers, config().TRUSTED_PROXIES);
}

/** The client's address for a server action, by the same rule as for next-auth's requests. */
export const currentClientIp = currentClientAddress;
