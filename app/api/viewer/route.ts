import { getCurrentUser } from "@/lib/session";

/**
 * Who is reading, for the header's "Signed in as" on cached reader pages. The pages stay whole in
 * Next's cache (a server-rendered hole in the header would make every request render the whole
 * page again); their script asks here instead, and without JavaScript they show "Sign in".
 */
export async function GET() {
  const user = await getCurrentUser();
  return Response.json({ user: user && { name: user.name } }, { headers: { "Cache-Control": "private, no-store" } });
}
