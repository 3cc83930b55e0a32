import { DEFAULT_FEED_ENTRIES } from "@/lib/feed-addresses.mjs";
import { cachedFeedResponse } from "@/lib/feeds";

// Every feed as one whole document Next caches (tagged with what it reads, so a write expires it),
// which server.mjs's fast path serves at Blogger's addresses (lib/feed-addresses.mjs).
export const generateStaticParams = () => [{ alt: "atom", take: String(DEFAULT_FEED_ENTRIES), feed: ["posts"] }];

export async function GET(_request: Request, { params }: RouteContext<"/feeds/cached/[alt]/[take]/[...feed]">) {
  return cachedFeedResponse(await params);
}
