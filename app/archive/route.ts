import type { NextRequest } from "next/server";
import { archivePeriodSchema } from "@/lib/validation/gadgets";

/**
 * The archive dropdown's answer (components/blog/gadgets/archive-gadget.tsx): a plain GET form
 * works without JavaScript, and this sends its choice on to the period's own page. Only a year or
 * a month goes on, so the form cannot be made to send anyone elsewhere.
 */
export async function GET(request: NextRequest) {
  const period = archivePeriodSchema.safeParse(request.nextUrl.searchParams.get("period") ?? "");
  if (!period.success) return new Response("Choose a month from the blog's archive.\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  // Relative, as the fast path's own redirects are: no host taken from the request.
  return new Response(null, { status: 303, headers: { Location: `/${period.data}` } });
}
