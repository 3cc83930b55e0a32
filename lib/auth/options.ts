import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { longhandAdapter } from "@/lib/auth/adapter";
import { authorizeWithPassword, clientIpFrom, withoutDatabaseErrorText } from "@/lib/auth/credentials";
import { optionalProviders } from "@/lib/auth/providers";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { siteOrigin } from "@/lib/site";

// JWT sessions (Credentials needs them). The token only names the user and the session version it
// was issued with: role, name, whether the account is disabled and its current session version are
// read from the database on every request (lib/session.ts), so a role change, a disabled account or
// ended sessions take effect at once. The adapter is for OAuth accounts and email
// sign-in links (users, linked accounts, verification tokens), not for sessions.
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: config().NEXTAUTH_SECRET,
    adapter: longhandAdapter(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in", verifyRequest: "/check-email" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, request) => withoutDatabaseErrorText(() => authorizeWithPassword(credentials, clientIpFrom(request?.headers))),
      }),
      ...optionalProviders(),
    ],
    callbacks: {
      // Every method passes here: a disabled account gets no session, whichever way it came.
      async signIn({ user }) {
        const account = await withoutDatabaseErrorText(() => db.user.findUnique({ where: { id: user.id }, select: { disabledAt: true } }));
        return !account?.disabledAt;
      },
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, siteOrigin()), baseUrl).toString();
      },
      // `user` is there only at sign-in, whichever the method: the token keeps the version it starts with.
      async jwt({ token, user }) {
        if (user) {
          const account = await withoutDatabaseErrorText(() => db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } }));
          token.sessionVersion = account?.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        session.sessionVersion = token.sessionVersion;
        return session;
      },
    },
  };
}
