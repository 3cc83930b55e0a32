import { timingSafeEqual } from "node:crypto";
import { revalidateTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { config } from "@/lib/config";

// Called by the start script's scheduler (scripts/lib/scheduled-posts.ts) the moment a scheduled
// post comes due: every list, post page and feed is rebuilt on its next request, so the post
// shows everywhere at once. Only a caller holding the server's secret may ask.
export async function POST(request: Request) {
  const secret = config().NEXTAUTH_SECRET;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret ?? ""}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return new Response("Forbidden", { status: 403 });
  }
  revalidateTag(tags.posts, { expire: 0 });
  revalidateTag(tags.comments, { expire: 0 });
  return new Response(null, { status: 204 });
}
