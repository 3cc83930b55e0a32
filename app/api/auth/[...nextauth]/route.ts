import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/session";

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth's session endpoint believes any well-signed token; one of a disabled account, or
  // from before its sessions were ended, names nobody here (next-auth's own answer for no session).
  if ((await context.params).nextauth.join("/") === "session" && !(await getCurrentUser())) {
    return Response.json({}, { headers: { "Cache-Control": "no-store" } });
  }
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
