import { encode } from "next-auth/jwt";

type AuthOptions = ReturnType<typeof import("../../lib/auth/options").authOptions>;
type JwtCallback = NonNullable<NonNullable<AuthOptions["callbacks"]>["jwt"]>;

/**
 * A session token exactly as next-auth issues one when `userId` signs in: its default claims
 * (name, email, picture, subject), then our jwt callback (which stamps the account's session
 * version), signed with `secret`. Load it after DATABASE_URL is set: both read the account.
 */
export async function sessionTokenFor(userId: string, secret: string): Promise<string> {
  const { authOptions } = await import("../../lib/auth/options");
  const { db } = await import("../../lib/db");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, image: true } });
  const jwt = authOptions().callbacks!.jwt! as JwtCallback;
  const signedIn = { token: { name: user.name, email: user.email, picture: user.image, sub: user.id }, user, account: null };
  return encode({ token: await jwt(signedIn as Parameters<JwtCallback>[0]), secret });
}
