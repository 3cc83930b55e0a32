import { NextResponse, type NextRequest } from "next/server";
import { slugify } from "@/lib/permalinks";

// Blogger's label URLs (/search/label/Library%20life) move to ours (/label/library-life): label
// slugs are made from their names with slugify. The matcher keeps this off every other path.
export function proxy(request: NextRequest) {
  const name = decodeURIComponent(request.nextUrl.pathname.slice("/search/label/".length));
  return NextResponse.redirect(new URL(`/label/${slugify(name)}`, request.url), 308);
}

export const config = { matcher: "/search/label/:name+" };
