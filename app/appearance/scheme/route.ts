import { returnPath, SCHEME_COOKIE, SCHEME_COOKIE_MAX_AGE, schemeChoiceSchema } from "@/lib/appearance/scheme";
import { siteOrigin } from "@/lib/site";
import { readFormAtMost } from "@/lib/uploads/read-limited";

// The toggle's one field is a word: a longer body is not it.
const BODY_LIMIT = 1000;

/**
 * The reader's light / dark / automatic toggle (components/appearance/scheme-toggle.tsx), as a
 * plain form post: keeps the choice in a cookie for a year (automatic forgets it) and sends the
 * reader back with a 303 to the page they were on. Nothing but the reader's own look depends on it.
 */
export async function POST(request: Request) {
  const form = await readFormAtMost(request, BODY_LIMIT).catch(() => null);
  const choice = schemeChoiceSchema.safeParse(form?.get("scheme"));
  if (!choice.success) return new Response("Choose light, dark or automatic.\n", { status: 400 });
  const back = returnPath(request.headers.get("referer"), [new URL(request.url).origin, siteOrigin()]);
  const cookie =
    choice.data === "auto"
      ? `${SCHEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly`
      : `${SCHEME_COOKIE}=${choice.data}; Path=/; Max-Age=${SCHEME_COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly`;
  return new Response(null, { status: 303, headers: { location: back, "set-cookie": cookie, "cache-control": "no-store" } });
}
