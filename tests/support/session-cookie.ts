import { encode } from "next-auth/jwt";

type AuthOptions = ReturnType<typeof import("../../lib/auth/options").authOptions>;
type JwtCallback = NonNullable<NonNullable<AuthOptions["callbacks"]>["jwt"]>;

/**
 * A session token exactly as next-auth issues one when `userId` signs in: through our jwt
 * callback (which stamps the account's session version), signed with `secret`. Load it after
 * DATABASE_URL is set: the callback reads the account.
 */
export async function sessionTokenFor(userId: string, secret: string): Promise<string> {
  const { authOptions } = await import("../../lib/auth/options");
  const jwt = authOptions().callbacks!.jwt! as JwtCallback;
  const token = await jwt({ token: { sub: userId }, user: { id: userId }, account: null } as Parameters<JwtCallback>[0]);
  return encode({ token, secret });
}
