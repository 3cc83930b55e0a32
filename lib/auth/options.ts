import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeWithPassword, clientIpFrom } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { siteOrigin } from "@/lib/site";

// JWT sessions (Credentials needs them). The token only names the user: role, name and whether the
// account is disabled are read from the database on every request (lib/session.ts), so a role
// change or a disabled account takes effect at once.
export function authOptions(): NextAuthOptions {
  return {
    secret: config().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, request) => authorizeWithPassword(credentials, clientIpFrom(request?.headers)),
      }),
    ],
    callbacks: {
      async signIn({ user }) {
        const account = await db.user.findUnique({ where: { id: user.id }, select: { disabledAt: true } });
        return !account?.disabledAt;
      },
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, siteOrigin()), baseUrl).toString();
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
