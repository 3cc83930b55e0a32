import { blogImported, expireForReaders } from "@/lib/cache-invalidation";
import { isInternalRequest } from "@/lib/internal-request";

// Called by `npm run import` after an import that changed something, so the running server shows
// the imported blog at once instead of at its pages' next refill. Only the server's own tools may ask.
export async function POST(request: Request) {
  if (!isInternalRequest(request)) return new Response("Forbidden", { status: 403 });
  expireForReaders(blogImported());
  return new Response(null, { status: 204 });
}
