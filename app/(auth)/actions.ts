"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName } from "@/lib/auth/cookies";
import { submittedByScript } from "@/lib/form-flash";

/**
 * Signs out by removing next-auth's session cookie (and any chunks of it). A server action, so
 * Next checks the request comes from this site's own page (Origin against Host) and it needs no
 * CSRF token: it works from the header and, without JavaScript, from the profile page.
 * Without JavaScript it redirects home; with it the button reloads the page itself, so every part
 * of the page that knew the reader (header, comment controls) starts again signed out.
 */
export async function signOut(): Promise<{ signedOut: boolean }> {
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
