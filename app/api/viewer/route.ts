import { z } from "zod";
import { getCommentViewer } from "@/lib/comments/viewer";
import { formatDateTime } from "@/lib/dates";
import { getCurrentUser } from "@/lib/session";
import { getBlogSettings } from "@/lib/settings";

const query = z.object({ postId: z.string().min(1).max(64).optional() });

/**
 * Who is reading, for the per-reader parts of the cached reader pages: the header's "Signed in
 * as" and, with `?postId=`, what this reader may see and do with that post's comments. Reader
 * pages stay fully prerendered (a server-rendered hole would make every request render the whole
 * page again); their script asks here instead, and without JavaScript the pages show "Sign in".
 */
export async function GET(request: Request) {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "postId is not valid" }, { status: 400, headers: PRIVATE });
  const user = await getCurrentUser();
  if (!user) return Response.json({ user: null }, { headers: PRIVATE });
  const { postId } = parsed.data;
  if (!postId) return Response.json({ user: { name: user.name } }, { headers: PRIVATE });
  const comments = await getCommentViewer({ user, postId, now: new Date() });
  const { timeZone } = await getBlogSettings();
  return Response.json(
    {
      user: { name: user.name },
      comments: comments && {
        ...comments,
        pending: comments.pending.map(({ createdAt, ...comment }) => ({
          ...comment,
          createdAt: createdAt.toISOString(),
          createdAtText: formatDateTime(createdAt, timeZone),
        })),
      },
    },
    { headers: PRIVATE },
  );
}

const PRIVATE = { "Cache-Control": "private, no-store" };
