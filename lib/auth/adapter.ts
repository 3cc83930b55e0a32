import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { writeWithFreeSlug } from "@/lib/users/slugs";

/**
 * next-auth's Prisma adapter over our client (generated into lib/generated/prisma, which the
 * adapter's types do not know), with two differences our schema needs: a user always has a name,
 * and an account row holds only the columns we have (GitHub, for one, adds
 * `refresh_token_expires_in`, which Prisma would reject).
 */
export function longhandAdapter(): Adapter {
  return {
    ...PrismaAdapter(db as never),
    createUser: async (user: Omit<AdapterUser, "id">) => {
      const name = nameForNewUser(user);
      const data = { name, email: user.email.toLowerCase(), emailVerified: user.emailVerified, image: user.image };
      return (await writeWithFreeSlug(name, (slug) => db.user.create({ data: { ...data, slug } }))) as AdapterUser;
    },
    linkAccount: async (account: AdapterAccount) => {
      await db.account.create({ data: knownAccountFields(account) });
    },
  };
}

/** The provider's name for the person, else the part of their email before the @. */
export function nameForNewUser(user: Omit<AdapterUser, "id">): string {
  return user.name?.trim().slice(0, 80) || user.email.split("@")[0] || user.email;
}

function knownAccountFields(account: AdapterAccount) {
  const { userId, type, provider, providerAccountId, refresh_token, access_token, expires_at, token_type, scope, id_token, session_state } = account;
  return {
    userId,
    type,
    provider,
    providerAccountId,
    refresh_token,
    access_token,
    expires_at,
    token_type,
    scope,
    id_token,
    session_state: typeof session_state === "string" ? session_state : undefined,
  };
}
