import { commentsFeedResponse } from "@/lib/feeds";

// One post's comments, at Blogger's address for them.
export async function GET(request: Request, { params }: RouteContext<"/feeds/[postId]/comments/default">) {
  const { postId } = await params;
  return commentsFeedResponse(request, { postId });
}
