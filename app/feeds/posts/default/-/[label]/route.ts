import { postsFeedResponse } from "@/lib/feeds";

// A label's feed, by the label's name as Blogger addresses it (/-/Library%20life) or by its slug.
export async function GET(request: Request, { params }: RouteContext<"/feeds/posts/default/-/[label]">) {
  const { label } = await params;
  return postsFeedResponse(request, { label });
}
