"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName } from "@/lib/auth/cookies";
import { COULD_NOT_SIGN_OUT, refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { submittedByScript } from "@/lib/form-flash";
import { endAllSessions, getCurrentUser } from "@/lib/session";

/**
 * Signs out everywhere: ends every session of the account (a session token is a self-contained
 * JWT, so the only way to make a copy of this one stop working is to end them all; see README
 * "Accounts") and removes next-auth's session cookie (and any chunks of it). A server action, so
 * Next checks the request comes from this site's own page (Origin against Host) and it needs no
 * CSRF token: it works from the header and, without JavaScript, from the profile page.
 * Without JavaScript it redirects home; with it the button reloads the page itself, so every part
 * of the page that knew the reader (header, comment controls) starts again signed out.
 * Without the database the sessions cannot be ended, so the cookie stays and the person is told.
 */
export async function signOut(): Promise<{ signedOut: boolean; message?: string }> {
  const ended = await refuseWhileDatabaseDown(
    async () => {
      const user = await getCurrentUser();
      if (user) await endAllSessions(user.id);
      return true;
    },
    () => false,
  );
  if (!ended) return { signedOut: false, message: COULD_NOT_SIGN_OUT };
  const store = await cookies();
  const name = sessionCookieName();
  for (const cookie of store.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) {
      store.set(cookie.name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
  if (await submittedByScript()) return { signedOut: true };
  redirect("/");
}
