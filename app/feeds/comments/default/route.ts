import { commentsFeedResponse } from "@/lib/feeds";

// The newest comments across the blog.
export function GET(request: Request) {
  return commentsFeedResponse(request);
}
