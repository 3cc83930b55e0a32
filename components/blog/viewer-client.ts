import type { ViewerSnapshot } from "@/components/comment/viewer-store";
import type { Role } from "@/lib/generated/prisma/enums";

/** What GET /api/viewer answers (lib/viewer.ts). */
export interface ViewerResponse {
  user: { name: string; role: Role } | null;
  /** Asked with a post: whether this reader may open it in the editor. */
  mayEditPost?: boolean;
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

/** Whether the viewer writes on this blog: the header then leads to the dashboard. */
export const isWriter = (user: ViewerResponse["user"]) => user?.role === "AUTHOR" || user?.role === "ADMIN";

// Parts of one page that ask at the same moment (a post's "Edit post" and its comments) share
// one request; once it is answered, the next question asks afresh.
const inFlight = new Map<string, Promise<ViewerResponse | null>>();

/** Asks the server who is reading; null when it cannot say (offline, server error): then the page stays as signed out. */
export function fetchViewer(postId?: string): Promise<ViewerResponse | null> {
  const url = postId ? `/api/viewer?${new URLSearchParams({ postId })}` : "/api/viewer";
  let answer = inFlight.get(url);
  if (!answer) {
    answer = requestViewer(url).finally(() => inFlight.delete(url));
    inFlight.set(url, answer);
  }
  return answer;
}

async function requestViewer(url: string): Promise<ViewerResponse | null> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? ((await response.json()) as ViewerResponse) : null;
  } catch {
    return null;
  }
}
