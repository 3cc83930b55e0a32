import { z } from "zod";
import { getCurrentUser } from "@/lib/session";
import { getBlogSettings } from "@/lib/settings";
import { answerViewer } from "@/lib/viewer";

const query = z.object({ postId: z.string().min(1).max(64).optional() });

/**
 * Who is reading, for the per-reader parts of the cached reader pages (lib/viewer.ts says what).
 * Reader pages stay fully prerendered (a server-rendered hole would make every request render the
 * whole page again); their script asks here instead, and without JavaScript the pages show
 * "Sign in" and nothing for authors. Never cached: the answer is this reader's alone.
 */
export async function GET(request: Request) {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "postId is not valid" }, { status: 400, headers: PRIVATE });
  const answer = await answerViewer({
    user: await getCurrentUser(),
    postId: parsed.data.postId,
    now: new Date(),
    clock: getBlogSettings,
  });
  return Response.json(answer, { headers: PRIVATE });
}

const PRIVATE = { "Cache-Control": "private, no-store" };
