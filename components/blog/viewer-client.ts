import type { ViewerSnapshot } from "@/components/comment/viewer-store";

/** What GET /api/viewer answers (app/api/viewer/route.ts). */
export interface ViewerResponse {
  user: { name: string } | null;
  comments?: (ViewerSnapshot & { pending: PendingCommentView[] }) | null;
}

export interface PendingCommentView {
  id: string;
  parentId: string | null;
  authorName: string;
  bodyHtml: string;
  createdAt: string;
  createdAtText: string;
  mine: boolean;
}

/** Asks the server who is reading; null when it cannot say (offline, server error): then the page stays as signed out. */
export async function fetchViewer(postId?: string): Promise<ViewerResponse | null> {
  try {
    const response = await fetch(postId ? `/api/viewer?${new URLSearchParams({ postId })}` : "/api/viewer", { cache: "no-store" });
    return response.ok ? ((await response.json()) as ViewerResponse) : null;
  } catch {
    return null;
  }
}
