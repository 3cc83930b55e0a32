/** What GET /api/viewer answers (app/api/viewer/route.ts). */
export interface ViewerResponse {
  user: { name: string } | null;
}

/** Asks the server who is reading; null when it cannot say (offline, server error): then the page stays as signed out. */
export async function fetchViewer(): Promise<ViewerResponse | null> {
  try {
    const response = await fetch("/api/viewer", { cache: "no-store" });
    return response.ok ? ((await response.json()) as ViewerResponse) : null;
  } catch {
    return null;
  }
}
