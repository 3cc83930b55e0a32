import { unsubscribe } from "@/lib/notifications/unsubscribe";
import { unsubscribeTokenSchema } from "@/lib/validation/unsubscribe";

// The one address that unsubscribes, and only by POST: a mail scanner that opens every link in a
// message GETs the page (app/(auth)/unsubscribe), which asks first. A mail client's own
// "Unsubscribe" (RFC 8058) posts "List-Unsubscribe=One-Click" here and is answered in a word; the
// page's button is sent back to the page, which says what happened. The token alone is the
// authority: whoever holds the message may stop it, signed in or not.
export async function POST(request: Request) {
  const url = new URL(request.url);
  const token = unsubscribeTokenSchema.safeParse(url.searchParams.get("token"));
  const outcome = token.success ? await unsubscribe(token.data, new Date()) : "invalid";
  if (await isOneClick(request)) {
    return new Response(outcome === "invalid" ? "This unsubscribe link is not valid.\n" : "Unsubscribed.\n", { status: outcome === "invalid" ? 400 : 200 });
  }
  const page = new URL("/unsubscribe", url);
  if (token.success) page.searchParams.set("token", token.data);
  page.searchParams.set("outcome", outcome);
  return new Response(null, { status: 303, headers: { location: `${page.pathname}${page.search}` } });
}

// The one-click body is one short field: a longer body is not it, and is read no further.
const ONE_CLICK_BODY_LIMIT = 1000;

async function isOneClick(request: Request): Promise<boolean> {
  const body = await firstBytes(request, ONE_CLICK_BODY_LIMIT);
  return body !== null && new URLSearchParams(body).get("List-Unsubscribe") === "One-Click";
}

/** The body as text when it is at most `limit` bytes, else null. */
async function firstBytes(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
