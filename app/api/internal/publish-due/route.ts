import { duePostsPublished, expireForReaders } from "@/lib/cache-invalidation";
import { isInternalRequest } from "@/lib/internal-request";
import { publishDuePosts } from "@/lib/posts/scheduled";

// Called every few seconds by each server's own scheduler (instrumentation.ts). Tags can only be
// expired inside a request, hence a route. When a scheduled post has come due, every list, post
// page and feed is rebuilt on its next request, so the post shows everywhere at once. Only a
// caller holding the server's secret may ask.
export async function POST(request: Request) {
  if (!isInternalRequest(request)) return new Response("Forbidden", { status: 403 });
  const outcome = await publishDuePosts(new Date());
  if (outcome.ran && outcome.published > 0) {
    expireForReaders(duePostsPublished());
  }
  return Response.json(outcome);
}
