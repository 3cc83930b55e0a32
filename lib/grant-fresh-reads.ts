import "server-only";
import { cookies } from "next/headers";
import { config } from "@/lib/config";
import { FRESH_READS_COOKIE, FRESH_READS_SECONDS, freshReadsToken } from "@/lib/fresh-reads.mjs";
import { siteOrigin } from "@/lib/site";

/**
 * Called by a server action that changed what readers see: for the next few seconds this
 * browser's pages are rendered fresh, so the writer sees their own change (lib/fresh-reads.mjs).
 * The token is bound to the session cookie this request came with.
 */
export async function grantFreshReads(userId: string): Promise<void> {
  const secret = config().NEXTAUTH_SECRET;
  if (!secret) return;
  const jar = await cookies();
  const cookieHeader = jar
    .getAll()
    .map(({ name, value }) => `${name}=${value}`)
    .join("; ");
  jar.set(FRESH_READS_COOKIE, freshReadsToken({ secret, userId, cookieHeader }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: FRESH_READS_SECONDS,
    secure: siteOrigin().startsWith("https:"),
  });
}
