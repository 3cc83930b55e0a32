import { postsFeedResponse } from "@/lib/feeds";

// Blogger's address for the blog's feed: Atom, or RSS 2.0 with ?alt=rss.
export function GET(request: Request) {
  return postsFeedResponse(request);
}
