import { revalidateTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { isInternalRequest } from "@/lib/internal-request";

// Called by the start script's scheduler (scripts/lib/scheduled-posts.ts) the moment a scheduled
// post comes due: every list, post page and feed is rebuilt on its next request, so the post
// shows everywhere at once. Only a caller holding the server's secret may ask.
export async function POST(request: Request) {
  if (!isInternalRequest(request)) return new Response("Forbidden", { status: 403 });
  revalidateTag(tags.posts, { expire: 0 });
  revalidateTag(tags.comments, { expire: 0 });
  return new Response(null, { status: 204 });
}
